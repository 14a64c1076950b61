"""Analyses over solve results: headline figures, shortfall by zone and day, comparisons."""
