"""foodchain app, Home page: the active dataset version, its baseline at a glance, a network map, and what each page is for."""

import streamlit as st

from foodchain import fmt
from foodchain.analysis.outcomes import by_commodity, city_cover, stock_cover
from foodchain.errors import FoodchainError
from foodchain_app.i18n import lang, t
from foodchain_app.maps import kind_legend
from foodchain_app.nav import PAGES, link
from foodchain_app.network_map import network_deck
from foodchain_app.state import baseline, map_layers, page
from foodchain_app.tables import show

ctx = page("home_title")
if ctx is not None:
    store, version, dataset = ctx
    info = store.version_info(version)
    st.markdown(t("home_intro"))
    when = fmt.wib(info["created_at"], lang())
    st.info(t("version_line").format(id=version, who=info["uploader"], when=when, note=info["note"]))
    try:
        result = baseline(version)
    except FoodchainError as exc:
        st.error(str(exc))
        st.stop()
    s = result.summary()
    cols = st.columns(4)
    cols[0].metric(t("demand_t_day"), fmt.number(s["total_demand_t"], lang()))
    cols[1].metric(t("delivered_t_day"), fmt.number(s["total_delivered_t"], lang()))
    cols[2].metric(t("shortfall_t_day"), fmt.number(s["total_shortfall_t"], lang(), 1))
    cols[3].metric(
        t("nodes_routes"), f"{fmt.number(len(dataset.nodes), lang())} / {fmt.number(len(dataset.routes), lang())}"
    )
    st.subheader(t("network_map"))
    moved_t = result.flows.groupby("route_id")["flow_t"].sum()  # one day
    layers = {"sources", "hubs", "corridors", "markets"}
    st.pydeck_chart(
        network_deck(dataset, dataset.nodes, dataset.routes, moved_t, layers, map_layers(version)),
        height=480,
        key="home_map",
    )
    st.markdown(kind_legend() + f"<small>— {t('legend_corridor_width')}</small>", unsafe_allow_html=True)
    left, right = st.columns(2)
    left.subheader(t("baseline_by_commodity"))
    show(by_commodity(result), "home_commodity", left)
    right.subheader(t("stock_cover"))
    show(city_cover(dataset), "home_city_cover", right)
    st.subheader(t("hub_cover"))
    show(stock_cover(dataset, result), "home_hub_cover")
    st.caption(t("cover_note"))
    st.subheader(t("pages_title"))
    for path, key, icon in PAGES[1:]:
        link(path, label=f"**{t(key)}** — {t('about_' + key.removeprefix('nav_'))}", icon=icon)
    st.caption(t("foresight"))
