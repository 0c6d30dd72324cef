"""What the owner of the guidance learns from the tracker store: statistics (`make statistik`)
and the masked conversation review (`make samtal`).

store.py reads Rasa's `events` table (SQLite or PostgreSQL); replay.py turns one conversation's
events into assessments, feedback and training rounds; figures.py counts them for a period;
report.py writes the HTML report and the CSV; review.py writes the masked transcripts.
No Rasa import: the events are plain JSON.
"""
