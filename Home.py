"""foodchain app: home page (placeholder until the app lands): the sample dataset and its baseline."""

import streamlit as st

from foodchain import load_dataset, solve

st.set_page_config(page_title="foodchain", layout="wide")
st.title("foodchain")
dataset = load_dataset("sample_data/tiny")
result = solve(dataset)
st.metric("Total shortfall (t)", f"{result.summary()['total_shortfall_t']:,.1f}")
st.dataframe(result.shortfall, key="home_shortfall")
