"""The Streamlit app's helpers: translations, cached loaders over the library, maps, widgets.

Only this package, ``Home.py`` and ``pages/`` import streamlit; ``foodchain`` never does.
"""
