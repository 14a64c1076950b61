"""Network: map of sources, hubs, markets and routes, with filters, tables and graph checks."""

import streamlit as st

from foodchain.model.graph import unreachable_nodes
from foodchain_app.i18n import t
from foodchain_app.maps import network_deck
from foodchain_app.state import page

ctx = page("nav_network")
if ctx is not None:
    store, version, dataset = ctx
    nodes, routes = dataset.nodes, dataset.routes
    c1, c2 = st.columns(2)
    commodities = c1.multiselect(
        t("commodities"),
        dataset.commodities["commodity"].tolist(),
        key="net_commodity",
        help=t("commodity_filter_help"),
    )
    regions = c2.multiselect(t("regions"), sorted(set(nodes["region"]) - {""}), key="net_region")
    if commodities:
        active = set(dataset.supply.loc[dataset.supply["commodity"].isin(commodities), "node_id"])
        active |= set(dataset.demand.loc[dataset.demand["commodity"].isin(commodities), "node_id"])
        active |= set(dataset.stock.loc[dataset.stock["commodity"].isin(commodities), "node_id"])
        active |= set(nodes.loc[nodes["kind"] == "hub", "node_id"])
        nodes = nodes[nodes["node_id"].isin(active)]
    if regions:
        nodes = nodes[nodes["region"].isin(regions)]
    routes = routes[routes["origin"].isin(nodes["node_id"]) | routes["destination"].isin(nodes["node_id"])]
    st.pydeck_chart(network_deck(dataset, nodes, routes), height=540, key="net_map")
    st.caption(t("legend_kinds") + " " + t("legend_width"))
    lonely_markets = unreachable_nodes(dataset.nodes, dataset.routes, dataset.supply, dataset.stock, kind="market")
    lonely_hubs = unreachable_nodes(dataset.nodes, dataset.routes, dataset.supply, dataset.stock, kind="hub")
    c1, c2 = st.columns(2)
    c1.metric(t("unreached_markets"), len(lonely_markets))
    c2.metric(t("unsupplied_hubs"), len(lonely_hubs))
    if lonely_markets or lonely_hubs:
        st.warning(", ".join(lonely_markets + lonely_hubs))
    else:
        st.success(t("all_reached"))
    tab_n, tab_r, tab_s, tab_d = st.tabs([t("nodes"), t("routes"), t("supply"), t("demand")])
    tab_n.dataframe(nodes, hide_index=True, width="stretch", key="net_nodes")
    tab_r.dataframe(routes, hide_index=True, width="stretch", key="net_routes")
    tab_s.dataframe(dataset.supply, hide_index=True, width="stretch", key="net_supply")
    tab_d.dataframe(dataset.demand, hide_index=True, width="stretch", key="net_demand")
