"""Appointment extractor."""
