"""The guidance on financing ASF-related initiatives, as a validated decision tree.

Pure Python: nothing here imports Rasa, so reviewers can validate and walk the
tree without the assistant, and the engine stays fast and testable.
"""
