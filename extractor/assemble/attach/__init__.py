"""Attaching to a record what the text says around it: organisation, predecessor, past employers."""
