"""Övningsläge: realistic cases that trainees judge, checked against the tree."""
