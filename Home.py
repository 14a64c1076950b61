"""foodchain app: the active dataset, its baseline at a glance, a network map, and what each page is for."""

import streamlit as st

from foodchain.analysis.outcomes import by_commodity, city_cover, stock_cover
from foodchain.errors import FoodchainError
from foodchain_app.i18n import t, t_frame
from foodchain_app.maps import network_deck
from foodchain_app.state import baseline, page

ctx = page("home_title")
if ctx is not None:
    store, version, dataset = ctx
    info = store.version_info(version)
    st.markdown(t("home_intro"))
    st.info(t("version_line").format(id=version, who=info["uploader"], when=info["created_at"], note=info["note"]))
    try:
        result = baseline(version)
    except FoodchainError as exc:
        st.error(str(exc))
        st.stop()
    s = result.summary()
    cols = st.columns(4)
    cols[0].metric(t("demand_t_day"), f"{s['total_demand_t']:,.0f}")
    cols[1].metric(t("delivered_t_day"), f"{s['total_delivered_t']:,.0f}")
    cols[2].metric(t("shortfall_t_day"), f"{s['total_shortfall_t']:,.1f}")
    cols[3].metric(t("nodes_routes"), f"{len(dataset.nodes)} / {len(dataset.routes)}")
    st.subheader(t("network_map"))
    st.pydeck_chart(network_deck(dataset), height=420, key="home_map")
    st.caption(t("legend_kinds"))
    cols = st.columns(2)
    cols[0].subheader(t("baseline_by_commodity"))
    cols[0].dataframe(t_frame(by_commodity(result).round(3)), hide_index=True, key="home_commodity")
    cols[1].subheader(t("stock_cover"))
    cols[1].dataframe(t_frame(city_cover(dataset).round(2)), hide_index=True, key="home_city_cover")
    st.subheader(t("hub_cover"))
    st.dataframe(t_frame(stock_cover(dataset, result).round(2)), hide_index=True, key="home_hub_cover")
    st.caption(t("cover_note"))
    st.subheader(t("pages_title"))
    for name in ("upload", "network", "scenarios", "shortfalls", "compare"):
        st.markdown(f"- **{t('nav_' + name)}** — {t('about_' + name)}")
    st.caption(t("foresight"))
