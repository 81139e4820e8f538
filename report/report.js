/* kg report page: filters, an actor network (vis-network), a timeline and a dyad view (vis-timeline),
   and the evidence behind every edge and item. Data comes from the inlined #kg-data element; every
   string of it enters the page as text, never as HTML. */
"use strict";

(function () {
  const DATA = JSON.parse(document.getElementById("kg-data").textContent);
  const ENTITIES = DATA.entities;
  const ARTICLES = DATA.articles;
  const FACTS = DATA.facts;
  const QUADS = [
    ["VerbalCooperation", "verbal cooperation", "#3182bd"],
    ["MaterialCooperation", "material cooperation", "#31a354"],
    ["VerbalConflict", "verbal conflict", "#e6850e"],
    ["MaterialConflict", "material conflict", "#d62728"],
  ];
  const QUAD_COLOUR = Object.fromEntries(QUADS.map(([id, , colour]) => [id, colour]));
  const QUAD_NAME = Object.fromEntries(QUADS.map(([id, name]) => [id, name]));
  const KINDS = [
    ["event", "events", null, false],
    ["designation", "designations", "#756bb1", [10, 5]],
    ["role", "roles", "#636363", [2, 4]],
    ["membership", "memberships", "#17becf", [6, 3]],
    ["deployment", "deployments", "#8c564b", [12, 3, 3, 3]],
  ];
  const KIND_STYLE = Object.fromEntries(KINDS.map(([id, name, colour, dashes]) => [id, { name, colour, dashes }]));
  const NODE_STYLE = {
    state: { shape: "box", color: { background: "#dbe9f6", border: "#3b6ea5" } },
    person: { shape: "ellipse", color: { background: "#fde0c5", border: "#b5651d" } },
    organization: { shape: "hexagon", size: 14, color: { background: "#c7e9c0", border: "#2e7d32" } },
    group: { shape: "triangle", size: 14, color: { background: "#f2f2f2", border: "#555" } },
    asset: { shape: "diamond", size: 12, color: { background: "#d9d9d9", border: "#444" } },
    location: { shape: "square", size: 9, color: { background: "#fff7bc", border: "#a08c00" } },
  };
  const PAGE_SIZE = 10;
  const DAY = 86400000;

  const $ = (id) => document.getElementById(id);
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }
  const label = (index) => ENTITIES[index].label;
  const safeUrl = (url) => (typeof url === "string" && /^https?:\/\//i.test(url) ? url : null);
  const wikidataUrl = (qid) => (typeof qid === "string" && /^Q[0-9]+$/.test(qid) ? "https://www.wikidata.org/wiki/" + qid : null);
  const dayMs = (iso) => (iso ? Date.parse(iso + "T00:00:00Z") : null);

  // ------------------------------------------------------------------ indexes
  FACTS.forEach((fact, index) => { fact.index = index; });
  for (const fact of FACTS) {
    fact.start = dayMs(fact.from);
    fact.end = dayMs(fact.to);
    fact.parts = [...fact.src, ...fact.dst, ...fact.op];
    fact.articleCount = 1;
  }
  const labelIndex = new Map();
  ENTITIES.forEach((entity, index) => {
    const key = entity.label.toLowerCase();
    if (!labelIndex.has(key)) labelIndex.set(key, index);
  });
  function entityByName(text) {
    const key = (text || "").trim().toLowerCase();
    if (!key) return null;
    if (labelIndex.has(key)) return labelIndex.get(key);
    const qid = ENTITIES.findIndex((entity) => (entity.qid || "").toLowerCase() === key);
    return qid >= 0 ? qid : undefined;
  }

  // ------------------------------------------------------------------ filters
  const state = { actor: null, type: "", quads: new Set(QUADS.map((q) => q[0])), kinds: new Set(KINDS.map((k) => k[0])), from: null, to: null, modal: true, max: 200 };

  function setupFilters() {
    $("scope").textContent = `${DATA.scope} · ${FACTS.length} facts, ${ENTITIES.length} entities, ${ARTICLES.length} articles · generated ${DATA.generated}`;
    const names = $("entity-names");
    const sorted = ENTITIES.map((entity, index) => [entity.label, index]).sort((a, b) => a[0].localeCompare(b[0]));
    for (const [name] of sorted) names.append(el("option", { value: name }));
    const types = [...new Set(FACTS.filter((f) => f.kind === "event").map((f) => f.type))].sort();
    for (const type of types) $("filter-type").append(el("option", { value: type, text: type }));
    for (const [id, name, colour] of QUADS) {
      $("filter-quads").append(el("label", {}, el("input", { type: "checkbox", value: id, checked: "checked", "data-quad": id }), el("span", { class: "swatch", style: `background:${colour}` }), name));
    }
    for (const [id, name] of KINDS) {
      $("filter-kinds").append(el("label", {}, el("input", { type: "checkbox", value: id, checked: "checked", "data-kind": id }), name));
    }
    const dated = FACTS.filter((f) => f.from).map((f) => f.from).sort();
    if (dated.length) {
      for (const id of ["filter-from", "filter-to"]) { $(id).min = dated[0]; $(id).max = dated[dated.length - 1]; }
    }
    $("filter-actor").addEventListener("change", () => {
      const found = entityByName($("filter-actor").value);
      state.actor = found === undefined ? -1 : found;
      update();
    });
    $("filter-type").addEventListener("change", () => { state.type = $("filter-type").value; update(); });
    $("filter-quads").addEventListener("change", (event) => { toggle(state.quads, event.target); update(); });
    $("filter-kinds").addEventListener("change", (event) => { toggle(state.kinds, event.target); update(); });
    $("filter-from").addEventListener("change", () => { state.from = dayMs($("filter-from").value); update(); });
    $("filter-to").addEventListener("change", () => { state.to = dayMs($("filter-to").value); update(); });
    $("filter-modal").addEventListener("change", () => { state.modal = $("filter-modal").checked; update(); });
    $("filter-max").addEventListener("change", () => { state.max = Number($("filter-max").value); update(); });
    $("filter-reset").addEventListener("click", () => {
      for (const input of document.querySelectorAll("#filters input[type=checkbox]")) input.checked = true;
      for (const id of ["filter-actor", "filter-from", "filter-to"]) $(id).value = "";
      $("filter-type").value = "";
      Object.assign(state, { actor: null, type: "", from: null, to: null, modal: true });
      state.quads = new Set(QUADS.map((q) => q[0]));
      state.kinds = new Set(KINDS.map((k) => k[0]));
      update();
    });
    const legend = $("legend");
    for (const [id, name, colour] of QUADS) legend.append(el("span", {}, el("span", { class: "line", style: `border-top:3px solid ${colour}` }), name + " event"));
    for (const [id, name, colour] of KINDS.slice(1)) legend.append(el("span", {}, el("span", { class: "line", style: `border-top:3px dashed ${colour}` }), name.replace(/s$/, "")));
    for (const [kind, style] of Object.entries(NODE_STYLE)) legend.append(el("span", {}, el("span", { class: "swatch", style: `background:${style.color.background};border:1px solid ${style.color.border}` }), `${kind} (${style.shape})`));
    legend.append(el("span", { text: "width: number of articles · dotted grey: denied" }));
  }
  function toggle(set, input) {
    const value = input.dataset.quad || input.dataset.kind;
    if (!value) return;
    if (input.checked) set.add(value); else set.delete(value);
  }

  function passes(fact, { ignoreActor = false } = {}) {
    if (!state.kinds.has(fact.kind)) return false;
    if (fact.kind === "event" && !state.quads.has(fact.quad)) return false;
    if (state.type && (fact.kind !== "event" || fact.type !== state.type)) return false;
    if (!state.modal && (fact.negated || fact.hypothetical)) return false;
    if (state.from !== null || state.to !== null) {
      if (fact.start === null) return false;
      if (state.from !== null && fact.end < state.from) return false;
      if (state.to !== null && fact.start > state.to) return false;
    }
    if (!ignoreActor && state.actor !== null && !fact.parts.includes(state.actor)) return false;
    return true;
  }

  // ------------------------------------------------------------------ network
  let network = null;
  let edgeFacts = new Map();
  const edgesData = new vis.DataSet();
  const nodesData = new vis.DataSet();

  function edgeKeys(fact) {
    const keys = [];
    if (fact.kind === "deployment") {
      for (const asset of fact.src) {
        for (const place of fact.dst) keys.push([asset, place, "deployment"]);
        for (const operator of fact.op) keys.push([operator, asset, "deployment"]);
      }
    } else {
      for (const source of fact.src) for (const target of fact.dst) if (source !== target) keys.push([source, target, fact.kind === "event" ? fact.quad : fact.kind]);
    }
    return keys;
  }

  // The layout has stopped moving: html[data-network-stable] says so (tests click on edges then).
  function settled() {
    document.documentElement.dataset.networkStable = "true";
    ready("network");
  }

  function buildNetwork(facts) {
    document.documentElement.dataset.networkStable = "false";
    const edges = new Map();
    facts.forEach((fact) => {
      for (const [from, to, style] of edgeKeys(fact)) {
        const key = `${from}|${to}|${style}`;
        let edge = edges.get(key);
        if (!edge) edges.set(key, (edge = { from, to, style, facts: [], articles: new Set(), types: new Map() }));
        edge.facts.push(fact);
        edge.articles.add(fact.article);
        edge.types.set(fact.type, (edge.types.get(fact.type) || 0) + 1);
      }
    });
    const weight = new Map();
    for (const edge of edges.values()) {
      weight.set(edge.from, (weight.get(edge.from) || 0) + edge.articles.size);
      weight.set(edge.to, (weight.get(edge.to) || 0) + edge.articles.size);
    }
    const ranked = [...weight.entries()].sort((a, b) => b[1] - a[1]);
    const kept = new Set(ranked.slice(0, state.max).map(([node]) => node));
    if (state.actor !== null && state.actor >= 0) kept.add(state.actor);
    const shown = [...edges.values()].filter((edge) => kept.has(edge.from) && kept.has(edge.to));
    const pairCount = new Map();
    edgeFacts = new Map();
    const visEdges = shown.map((edge, i) => {
      const id = "e" + i;
      edgeFacts.set(id, edge.facts);
      const pair = [edge.from, edge.to].sort().join("|");
      const nth = pairCount.get(pair) || 0;
      pairCount.set(pair, nth + 1);
      const allDenied = edge.facts.every((f) => f.negated);
      const someMarked = edge.facts.some((f) => f.negated || f.hypothetical || f.contested);
      const kindStyle = KIND_STYLE[edge.style];
      const colour = QUAD_COLOUR[edge.style] || (kindStyle && kindStyle.colour) || "#999";
      const types = [...edge.types.entries()].map(([type, n]) => (n > 1 ? `${type} ×${n}` : type)).join(", ");
      const marks = [allDenied ? "denied" : null, !allDenied && someMarked ? "marked facts" : null].filter(Boolean).join(", ");
      return {
        id, from: edge.from, to: edge.to,
        arrows: "to",
        value: edge.articles.size,
        color: { color: allDenied ? "#aaaaaa" : colour, highlight: "#000", hover: colour },
        dashes: allDenied ? [2, 6] : kindStyle ? kindStyle.dashes : false,
        label: shown.length <= 150 ? (allDenied ? "not " : "") + types : undefined,
        title: `${label(edge.from)} → ${label(edge.to)}: ${types} (${QUAD_NAME[edge.style] || edge.style}; ${edge.articles.size} article${edge.articles.size === 1 ? "" : "s"})${marks ? " — " + marks : ""}`,
        smooth: nth === 0 ? { enabled: true, type: "continuous", roundness: 0.2 } : { enabled: true, type: nth % 2 ? "curvedCW" : "curvedCCW", roundness: 0.15 * Math.ceil(nth / 2) + 0.1 },
        font: { size: 10, color: "#444", strokeWidth: 2, align: "middle" },
      };
    });
    const nodeIds = new Set();
    for (const edge of shown) { nodeIds.add(edge.from); nodeIds.add(edge.to); }
    if (state.actor !== null && state.actor >= 0) nodeIds.add(state.actor);
    const visNodes = [...nodeIds].map((index) => {
      const entity = ENTITIES[index];
      const style = NODE_STYLE[entity.kind] || NODE_STYLE.organization;
      return {
        id: index, label: entity.label, shape: style.shape, size: style.size, color: style.color,
        borderWidth: entity.qid ? 2 : 1,
        title: `${entity.label} (${entity.type}${entity.qid ? ", Wikidata " + entity.qid : ""})`,
        font: { size: 13 },
      };
    });
    $("network-count").textContent = `${visNodes.length} actors, ${visEdges.length} edges from ${facts.length} facts` +
      (weight.size > kept.size ? ` · the ${state.max} most connected of ${weight.size} actors drawn` : "");
    nodesData.clear(); edgesData.clear();
    nodesData.add(visNodes); edgesData.add(visEdges);
    const big = visNodes.length > 150 || visEdges.length > 400;
    if (!network) {
      network = new vis.Network($("network"), { nodes: nodesData, edges: edgesData }, {
        layout: { improvedLayout: !big, randomSeed: 7 },
        physics: { solver: "forceAtlas2Based", forceAtlas2Based: { gravitationalConstant: -60, springLength: 110 }, stabilization: { iterations: big ? 120 : 300, updateInterval: 50 } },
        interaction: { hover: true, tooltipDelay: 150, multiselect: false, navigationButtons: false },
        edges: { scaling: { min: 1, max: 9 }, selectionWidth: 2 },
      });
      network.on("stabilizationIterationsDone", () => { network.setOptions({ physics: false }); settled(); });
      network.on("click", (params) => {
        if (params.edges.length && !params.nodes.length) showEdge(params.edges[0]);
        else if (params.nodes.length) showEntity(params.nodes[0]);
      });
      if (!visNodes.length) settled();
    } else if (visNodes.length) {
      network.setOptions({ physics: { enabled: true, stabilization: { iterations: big ? 120 : 300 } } });
      network.stabilize(big ? 120 : 300);
    } else {
      settled();
    }
  }

  // ------------------------------------------------------------------ timeline and dyad
  let timeline = null;
  let dyad = null;
  const timelineItems = new vis.DataSet();
  const dyadItems = new vis.DataSet();
  const TIMELINE_LIMIT = 1000;
  const GROUPS = [...QUADS.map(([id, name]) => ({ id, content: name })), { id: "designation", content: "designations" }, { id: "deployment", content: "deployments" }];

  function itemFor(fact, index, content) {
    const classes = [fact.quad ? "q-" + fact.quad : "k-" + fact.kind];
    if (fact.negated) classes.push("negated");
    if (fact.hypothetical) classes.push("hypothetical");
    if (fact.contested) classes.push("contested");
    if (!fact.dated) classes.push("reported");
    const marks = [fact.negated ? "DENIED" : null, fact.hypothetical ? "HYPOTHETICAL" : null, fact.contested ? "CONTESTED" : null, fact.dated ? null : "reported " + fact.from].filter(Boolean);
    return {
      id: index, group: fact.quad || fact.kind, type: "range",
      start: fact.start, end: fact.end + DAY,
      content: escapeHtml(content + (marks.length ? " [" + marks.join(", ") + "]" : "")),
      className: classes.join(" "),
    };
  }
  function describe(fact) {
    const src = fact.src.map(label).join(", ") || "?";
    const dst = fact.dst.map(label).join(", ");
    const what = fact.kind === "event" ? fact.type : fact.kind === "designation" ? "designates" : fact.kind;
    return dst ? `${src} → ${dst}: ${what}` : `${src}: ${what}`;
  }
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }

  function buildTimeline(facts) {
    const dated = facts.map((fact) => [fact, fact.index]).filter(([fact]) => fact.start !== null && (fact.kind === "event" || fact.kind === "designation" || fact.kind === "deployment"));
    dated.sort((a, b) => b[0].start - a[0].start);
    const shown = dated.slice(0, TIMELINE_LIMIT);
    $("timeline-count").textContent = `${shown.length} items` + (dated.length > shown.length ? ` · the latest ${shown.length} of ${dated.length}; narrow the filters to see the rest` : "");
    timelineItems.clear();
    timelineItems.add(shown.map(([fact, index]) => itemFor(fact, index, describe(fact))));
    if (!timeline) {
      timeline = new vis.Timeline($("timeline"), timelineItems, GROUPS, {
        stack: true, maxHeight: 420, zoomKey: "ctrlKey", orientation: "top", margin: { item: 2 },
        tooltip: { followMouse: false }, showCurrentTime: false, selectable: true,
      });
      timeline.on("select", (props) => { if (props.items.length) showFacts("Timeline item", [FACTS[props.items[0]]]); });
      timeline.once("changed", () => ready("timeline"));
    }
    if (shown.length) timeline.setWindow(...windowOf(shown.map(([fact]) => fact)), { animation: false });
    else ready("timeline");
  }

  // The span of the middle 90% of the items' days, padded: one old designation should not squeeze the rest.
  function windowOf(facts) {
    const starts = facts.map((fact) => fact.start).sort((a, b) => a - b);
    const ends = facts.map((fact) => fact.end).sort((a, b) => a - b);
    const low = starts[Math.floor(starts.length * 0.05)];
    const high = ends[Math.ceil(ends.length * 0.95) - 1] + DAY;
    const pad = Math.max((high - low) * 0.05, 3 * DAY);
    return [low - pad, high + pad];
  }

  function buildDyad() {
    const a = entityByName($("dyad-a").value);
    const b = entityByName($("dyad-b").value);
    const between = (a === null || a === undefined || b === null || b === undefined) ? [] :
      FACTS.map((fact, index) => [fact, index]).filter(([fact]) => fact.kind === "event" && fact.start !== null && passes(fact, { ignoreActor: true }) &&
        ((fact.src.includes(a) && fact.dst.includes(b)) || (fact.src.includes(b) && fact.dst.includes(a))));
    const byQuad = QUADS.map(([id, name]) => `${name} ${between.filter(([fact]) => fact.quad === id).length}`).join(" · ");
    $("dyad-count").textContent = between.length ? `${between.length} events · ${byQuad}` : "no dated events between these two actors under the filters";
    dyadItems.clear();
    dyadItems.add(between.map(([fact, index]) => itemFor(fact, index, `${fact.src.includes(a) ? label(a) + " → " + label(b) : label(b) + " → " + label(a)}: ${fact.type}`)));
    if (!dyad) {
      dyad = new vis.Timeline($("dyad"), dyadItems, QUADS.map(([id, name]) => ({ id, content: name })), {
        stack: true, maxHeight: 300, zoomKey: "ctrlKey", showCurrentTime: false, selectable: true,
      });
      dyad.on("select", (props) => { if (props.items.length) showFacts("Dyad event", [FACTS[props.items[0]]]); });
    }
    if (between.length) dyad.setWindow(...windowOf(between.map(([fact]) => fact)), { animation: false });
  }

  function defaultDyad() {
    const counts = new Map();
    for (const fact of FACTS) {
      if (fact.kind !== "event" || fact.start === null) continue;
      for (const s of fact.src) for (const t of fact.dst) {
        if (s === t) continue;
        const key = s < t ? `${s}|${t}` : `${t}|${s}`;
        counts.set(key, (counts.get(key) || 0) + 1);
      }
    }
    const best = [...counts.entries()].sort((x, y) => y[1] - x[1])[0];
    if (best) {
      const [s, t] = best[0].split("|").map(Number);
      $("dyad-a").value = label(s);
      $("dyad-b").value = label(t);
    }
    $("dyad-a").addEventListener("change", buildDyad);
    $("dyad-b").addEventListener("change", buildDyad);
  }

  // ------------------------------------------------------------------ details
  let detail = { title: "", facts: [], page: 0, head: null };

  function showEdge(edgeId) {
    const facts = edgeFacts.get(edgeId) || [];
    const edge = edgesData.get(edgeId);
    showFacts(`${label(edge.from)} → ${label(edge.to)}`, facts);
  }
  function showEntity(index) {
    const entity = ENTITIES[index];
    const facts = FACTS.filter((fact) => fact.parts.includes(index) && passes(fact, { ignoreActor: true }));
    const link = wikidataUrl(entity.qid);
    const head = el("p", {},
      el("span", { text: `${entity.type}` , class: "kind" }), " ",
      link ? el("a", { href: link, target: "_blank", rel: "noopener noreferrer", class: "wikidata", text: "Wikidata " + entity.qid }) : el("span", { class: "kind", text: "not linked to Wikidata" }), " ",
      el("button", { type: "button", class: "entity-link", text: "filter on this actor", onclick: () => { $("filter-actor").value = entity.label; state.actor = index; update(); } }));
    showFacts(entity.label, facts, head);
  }
  function showFacts(title, facts, head) {
    detail = { title, facts: [...facts].sort((a, b) => (b.start || 0) - (a.start || 0)), page: 0, head: head || null };
    renderDetails();
  }
  function renderDetails() {
    $("details-title").textContent = detail.title;
    $("details-head").replaceChildren(...(detail.head ? [detail.head] : []), el("p", { class: "kind", text: `${detail.facts.length} fact${detail.facts.length === 1 ? "" : "s"}` }));
    const pages = Math.max(1, Math.ceil(detail.facts.length / PAGE_SIZE));
    const slice = detail.facts.slice(detail.page * PAGE_SIZE, (detail.page + 1) * PAGE_SIZE);
    $("details-body").replaceChildren(...slice.map(factCard));
    const pager = $("details-pager");
    pager.replaceChildren();
    if (pages > 1) {
      pager.append(
        el("button", { type: "button", text: "‹ newer", disabled: detail.page === 0 ? "disabled" : null, onclick: () => { detail.page--; renderDetails(); } }),
        el("span", { text: `page ${detail.page + 1} of ${pages}` }),
        el("button", { type: "button", text: "older ›", disabled: detail.page >= pages - 1 ? "disabled" : null, onclick: () => { detail.page++; renderDetails(); } }));
    }
  }
  function factCard(fact) {
    const article = fact.article === null ? null : ARTICLES[fact.article];
    const colour = fact.quad ? QUAD_COLOUR[fact.quad] : KIND_STYLE[fact.kind].colour;
    const classes = ["fact", fact.negated ? "negated" : "", fact.hypothetical ? "hypothetical" : "", fact.contested ? "contested" : ""].join(" ").trim();
    const marks = el("div", { class: "marks" },
      fact.negated ? el("span", { class: "mark negated", title: "reported as not having happened", text: "DENIED" }) : null,
      fact.hypothetical ? el("span", { class: "mark hypothetical", title: "reported as planned, possible or conditional", text: "HYPOTHETICAL" }) : null,
      fact.contested ? el("span", { class: "mark contested", title: "another report says the opposite, or the accused rejects it", text: "CONTESTED" }) : null,
      fact.dated ? null : el("span", { class: "mark reported", title: "no date of its own: placed at its article's publication day", text: "REPORTED " + (fact.from || "undated") }));
    const when = fact.from ? (fact.from === fact.to ? fact.from : `${fact.from} – ${fact.to}`) : "undated";
    const what = fact.kind === "event" ? fact.type : fact.kind;
    const detailText = fact.detail ? ` (${fact.detail})` : "";
    const participants = [fact.src.map(label).join(", "), fact.dst.map(label).join(", ")].filter(Boolean).join(" → ");
    const articleLink = article && safeUrl(article.url)
      ? el("a", { href: safeUrl(article.url), target: "_blank", rel: "noopener noreferrer", text: article.title || article.id })
      : el("span", { text: (article && (article.title || article.id)) || "unknown article" });
    return el("div", { class: classes, "data-fact": fact.id },
      el("div", { class: "head" }, el("span", { class: "badge", style: `background:${colour}`, text: fact.quad ? QUAD_NAME[fact.quad] : fact.kind }),
        el("span", { class: "what", text: `${participants}: ${what}${detailText}` })),
      marks,
      el("blockquote", { text: fact.sentence || "(no sentence stored)" }),
      el("div", { class: "meta" },
        el("span", { text: `${when} · ` }), articleLink,
        el("span", { text: [article && article.publisher ? ` · ${article.publisher}` : "", article && article.published ? ` · published ${article.published}` : "",
          fact.by.length ? ` · claimed by ${fact.by.map(label).join(", ")}` : " · claimed by the article",
          ` · confidence ${fact.confidence.toFixed(2)}`,
          fact.op.length ? ` · operator ${fact.op.map(label).join(", ")}` : ""].join("") })));
  }

  // ------------------------------------------------------------------ search
  function setupSearch() {
    $("search").addEventListener("input", () => {
      const query = $("search").value.trim().toLowerCase();
      const results = $("search-results");
      results.replaceChildren();
      if (!query) return;
      const found = [];
      ENTITIES.forEach((entity, index) => { if (entity.label.toLowerCase().includes(query)) found.push(index); });
      for (const index of found.slice(0, 30)) {
        const entity = ENTITIES[index];
        const link = wikidataUrl(entity.qid);
        results.append(el("li", {},
          el("button", { type: "button", text: entity.label, onclick: () => { showEntity(index); if (network && nodesData.get(index)) { network.selectNodes([index]); network.focus(index, { scale: 1.2 }); } } }),
          el("span", { class: "kind", text: entity.type }),
          link ? el("a", { href: link, target: "_blank", rel: "noopener noreferrer", class: "kind", text: entity.qid }) : null));
      }
      if (found.length > 30) results.append(el("li", { class: "kind", text: `and ${found.length - 30} more` }));
      if (!found.length) results.append(el("li", { class: "kind", text: "no entity of that name" }));
    });
  }

  // ------------------------------------------------------------------ wiring
  const readiness = { network: false, timeline: false };
  function ready(part) {
    readiness[part] = true;
    if (readiness.network && readiness.timeline && !document.documentElement.dataset.ready) {
      document.documentElement.dataset.readyMs = String(Math.round(performance.now()));
      document.documentElement.dataset.ready = "true";
    }
  }

  function update() {
    const unknown = state.actor === -1;
    const facts = unknown ? [] : FACTS.filter((fact) => passes(fact));
    buildNetwork(facts);
    buildTimeline(facts);
    buildDyad();
    if (unknown) $("network-count").textContent = `no entity is named “${$("filter-actor").value}”`;
    document.documentElement.dataset.shownFacts = String(facts.length);
  }

  setupFilters();
  setupSearch();
  defaultDyad();
  update();
  window.kgReport = { get network() { return network; }, get timeline() { return timeline; }, edgeFacts: () => edgeFacts, nodes: nodesData, edges: edgesData, timelineItems, dyadItems };
})();
