"""Code the Rasa server loads itself: endpoints.yml names the tracker store here.

scripts/run.sh puts the repo on PYTHONPATH, so `rasa run` can import it.
"""
