"""Synthetic networks and timing runs (see RESULTS.md)."""
