"""Network: map of sources, hubs, markets and routes, with filters, tables and graph checks."""

import streamlit as st

from foodchain.model.graph import unreachable_nodes
from foodchain.optimize.targets import region_names
from foodchain_app import names
from foodchain_app.i18n import t
from foodchain_app.maps import filter_network, kind_legend
from foodchain_app.network_map import LAYERS, network_deck
from foodchain_app.state import baseline, map_layers, page
from foodchain_app.tables import show, with_names

ctx = page("nav_network")
if ctx is not None:
    store, version, dataset = ctx
    c1, c2 = st.columns(2)
    commodities = c1.multiselect(
        t("commodities"),
        dataset.commodities["commodity"].tolist(),
        key="net_commodity",
        format_func=names.commodity_labels(),
        help=t("commodity_filter_help"),
        placeholder=t("all"),
    )
    regions = c2.multiselect(t("regions"), region_names(dataset), key="net_region", placeholder=t("all"))
    nodes, routes = filter_network(dataset, commodities, regions)
    shown = st.pills(
        t("net_layers"),
        LAYERS,
        default=[k for k in LAYERS if k != "last_mile"],
        selection_mode="multi",
        format_func=lambda k: t("layer_" + k),
        key="net_layers",
    )
    flows = baseline(version).flows
    moved_t = flows.groupby("route_id")["flow_t"].sum() / max(int(flows["day"].max()) if len(flows) else 1, 1)
    st.pydeck_chart(
        network_deck(dataset, nodes, routes, moved_t, set(shown or []), map_layers(version)), height=540, key="net_map"
    )
    st.markdown(kind_legend() + f"<small>— {t('legend_corridor_width')}</small>", unsafe_allow_html=True)
    st.subheader(t("network_checks"))
    d = dataset
    lonely_markets = unreachable_nodes(d.nodes, d.routes, d.supply, d.stock, kind="market")
    lonely_hubs = unreachable_nodes(d.nodes, d.routes, d.supply, d.stock, kind="hub")
    c1, c2 = st.columns(2)
    c1.metric(t("unreached_markets"), len(lonely_markets))
    c2.metric(t("unsupplied_hubs"), len(lonely_hubs))
    names = dataset.node_names()
    if lonely_markets:
        c1.warning(", ".join(names.get(n, n) for n in lonely_markets))
    if lonely_hubs:
        c2.warning(", ".join(names.get(n, n) for n in lonely_hubs))
    if not lonely_markets and not lonely_hubs:
        st.success(t("all_reached"))
    st.caption(t("shown_counts").format(nodes=len(nodes), routes=len(routes)))
    tab_n, tab_r, tab_s, tab_d = st.tabs([t("nodes"), t("routes"), t("supply"), t("demand")])
    show(nodes, "net_nodes", tab_n)
    show(with_names(routes, dataset), "net_routes", tab_r)
    show(with_names(dataset.supply[dataset.supply["node_id"].isin(nodes["node_id"])], dataset), "net_supply", tab_s)
    show(with_names(dataset.demand[dataset.demand["node_id"].isin(nodes["node_id"])], dataset), "net_demand", tab_d)
