"use strict";
// The drawing of the circuit, on one canvas the size of the view: each paint draws only what is in
// view (a 10^4-neuron circuit has 30,000 nodes and edges; an SVG of them all took seconds to build
// and a repaint to lay out). Hit testing finds what is under the pointer for hover and click.
// Subcircuit instances are groups that collapse to one box. The drawing evaluates nothing: it reads
// values through host.value(net), which page.js computes.
function makeDrawing(C, host) {
  const L = C.layout;
  /** Boxes as Page.java writes them (x and y as differences, in 1/L.scale pixels, and a size index) as x, y (pixels), size. */
  function boxes(list) {
    const out = new Float64Array(list.length);
    for (let k = 0, x = 0, y = 0; k < list.length; k += 3) {
      x += list[k]; y += list[k + 1];
      out[k] = x / L.scale; out[k + 1] = y / L.scale; out[k + 2] = list[k + 2];
    }
    return out;
  }
  const NETBOX = boxes(L.net), OUTBOX = boxes(L.out);
  const box = document.getElementById("drawing");
  const sizer = document.getElementById("sizer");
  const canvas = document.getElementById("canvas");
  const ctx = canvas.getContext("2d");
  const FONT = '11px system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif';
  const BOLD = "bold " + FONT;
  const SMALL = '10px system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif';
  /** Below this zoom text is too small to read and is not drawn. */
  const TEXT_ZOOM = 0.45;
  const HEADER = 14;   // a group's header strip: its name, clicked to collapse or expand
  let zoom = 1;

  // ---- what there is to draw -------------------------------------------------------------------

  // Everything here is numbered: nodes by index, nets by number; no map keyed by text is built for
  // 10^4 neurons (opening the page is the cost this keeps down: docs/BENCHMARKS.md).
  const N = host.neurons;
  // Nodes, numbered, as columns (no object per node): centre, size, kind, the net it shows, its
  // neuron or -1, its group or -1; sparse by node number: a label other than a neuron's name, an id
  // other than "n" + net (an output's), the path of the instance it is inside.
  const bits = ts => ts.reduce((s, t) => s + t.nets.length, 0);
  const nodeCap = bits(C.inputs) + C.constants.length + C.state.length + N.count + bits(C.outputs);
  const nX = new Float64Array(nodeCap), nY = new Float64Array(nodeCap), nW = new Float64Array(nodeCap), nH = new Float64Array(nodeCap);
  const nNet = new Int32Array(nodeCap), nNeuron = new Int32Array(nodeCap), nGroup = new Int32Array(nodeCap).fill(-1);
  const nKind = new Array(nodeCap);
  const nLabel = [], nId = [], groupKeyOf = [];
  let nodeCount = 0;
  const nodeOfNet = new Int32Array(C.nets.length).fill(-1);
  /** A node at the layout's box number at of the list pos (NETBOX or OUTBOX: x, y, size per box), or none if it has no box. */
  function node(pos, at, kind, label, net, neuron, groupKey, id) {
    const s = pos[3 * at + 2];
    if (s < 0) return -1;
    const i = nodeCount++;
    nX[i] = pos[3 * at]; nY[i] = pos[3 * at + 1]; nW[i] = L.sizes[s][0]; nH[i] = L.sizes[s][1];
    nKind[i] = kind; nNet[i] = net; nNeuron[i] = neuron;
    if (label !== null) nLabel[i] = label;
    if (id !== null) nId[i] = id;
    if (groupKey !== "") groupKeyOf[i] = groupKey;
    return i;
  }
  const netNode = (kind, label, net, neuron, groupKey) => {
    const i = node(NETBOX, net, kind, label, net, neuron, groupKey, null);
    if (i >= 0) nodeOfNet[net] = i;
  };
  const idOf = i => nId[i] !== undefined ? nId[i] : "n" + nNet[i];
  /** A neuron's label, its own name, is made when first drawn: most of 10^4 are never in view. */
  const labelOf = i => nLabel[i] !== undefined ? nLabel[i] : (nLabel[i] = short(N.path(nNeuron[i])));
  const bitName = (t, b) => t.bus ? t.name + "[" + b + "]" : t.name;
  const short = p => p.substring(p.lastIndexOf("/") + 1);
  const outId = (t, b) => "out_" + t.name + (t.bus ? "_" + b : "");
  C.inputs.forEach(t => t.nets.forEach((n, b) => netNode("input", bitName(t, b), n, -1, "")));
  C.constants.forEach(([n, x]) => netNode("constant", host.fmt(x), n, -1, ""));
  C.state.forEach(st => netNode(st.kind === "dff" ? "flipflop" : "feedback", short(st.path), st.q, -1, st.path.substring(0, Math.max(0, st.path.lastIndexOf("/")))));
  // A neuron's path starts with the top circuit's name; the instances are between it and the neuron's own name.
  // netNode written out: this loop runs over every neuron as the page opens.
  const NOUT = N.out, SW = L.sizes.map(sz => sz[0]), SH = L.sizes.map(sz => sz[1]);
  for (let i = 0; i < N.count; i++) {
    const net = NOUT[i], s = NETBOX[3 * net + 2];
    if (s < 0) continue;
    const n = nodeCount++;
    nX[n] = NETBOX[3 * net]; nY[n] = NETBOX[3 * net + 1]; nW[n] = SW[s]; nH[n] = SH[s];
    nKind[n] = "neuron"; nNet[n] = net; nNeuron[n] = i;
    if (N.nested) {
      const key = N.instance(i);
      if (key !== "") groupKeyOf[n] = key;
    }
    nodeOfNet[net] = n;
  }
  const outNode = [];   // per output bit, in order: its node or -1
  C.outputs.forEach(t => t.nets.forEach((n, b) => outNode.push(node(OUTBOX, outNode.length, "output", bitName(t, b), n, -1, "", outId(t, b)))));
  const stateOf = new Map(C.state.map(st => [st.q, st]));

  // Groups: one per instance path, nested; each a box around the nodes and the groups inside it, in
  // the layout's place (Graphviz keeps clusters apart, and so does the layered layout).
  const groups = [];   // {key, name, depth, parent, x, y, w, h, collapsed, ins, outs}
  const groupAt = new Map();
  const PAD = 6, LABEL = 12;   // Layered.GROUP_PAD: the layered layout leaves room for the boxes beside its first column
  /** The group of an instance path, made (with the groups around it) the first time it is seen. */
  function groupOf(key) {
    let g = groupAt.get(key);
    if (g !== undefined) return g;
    const cut = key.lastIndexOf("/");
    const parent = cut < 0 ? -1 : groupOf(key.substring(0, cut));
    g = groups.length;
    groupAt.set(key, g);
    groups.push({ key: key, name: key.substring(cut + 1), depth: parent < 0 ? 1 : groups[parent].depth + 1, parent: parent,
      x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity, collapsed: false, ins: new Set(), outs: new Set() });
    return g;
  }
  groupKeyOf.forEach((key, i) => {
    const g = nGroup[i] = groupOf(key);
    around(groups[g], nX[i] - nW[i] / 2, nY[i] - nH[i] / 2, nX[i] + nW[i] / 2, nY[i] + nH[i] / 2);
  });
  function around(g, x0, y0, x1, y1) {
    g.x0 = Math.min(g.x0, x0); g.x1 = Math.max(g.x1, x1); g.y0 = Math.min(g.y0, y0); g.y1 = Math.max(g.y1, y1);
  }
  // Innermost first (a group is made before the groups inside it): each box holds its inner boxes, names apart.
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    g.x = g.x0 - PAD; g.y = g.y0 - PAD - LABEL; g.w = g.x1 - g.x0 + 2 * PAD; g.h = g.y1 - g.y0 + 2 * PAD + LABEL;
    if (g.parent >= 0) around(groups[g.parent], g.x, g.y, g.x + g.w, g.y + g.h);
  }
  /** Whether group g is n's group or one around it. */
  function inside(n, g) {
    for (let k = nGroup[n]; k >= 0; k = groups[k].parent) if (k === g) return true;
    return false;
  }

  // Edges, numbered, as columns (10^4 neurons have 2 * 10^4 edges: no object each): the nodes it
  // joins (-1 for an end without a box: the edge is not drawn) and the net it carries; sparse by edge
  // number, the state bit it loads (drawn dashed) and Graphviz's route. Numbered as Page.java numbers
  // them for the cells: each neuron's inputs (edge number = input slot), then output bits, then
  // state bits. The neuron reading an edge is found when asked (readerOf), not stored per edge.
  const SLOTS = N.inAt[N.count], edgeCount = SLOTS + outNode.length + C.state.length;
  const eFrom = new Int32Array(edgeCount), eTo = new Int32Array(edgeCount), eNet = new Int32Array(edgeCount);
  eNet.set(N.in);   // an input slot's edge carries the net in that slot
  const eLoads = [], ePts = [];
  const routed = Object.keys(L.edges).length > 0;   // Graphviz's routes; the layered layout has none
  const seen = {};
  /** The neuron reading edge e (the one whose input slots hold e), or -1 for an output's or a state bit's edge. */
  function readerOf(e) {
    if (e >= SLOTS) return -1;
    let lo = 0, hi = N.count - 1;   // inAt[lo] <= e < inAt[hi + 1]
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (N.inAt[mid] <= e) lo = mid; else hi = mid - 1;
    }
    return lo;
  }
  function edge(i, a, b, net, loads) {
    eFrom[i] = a; eTo[i] = b; eNet[i] = net;
    if (a < 0 || b < 0) return;
    if (loads !== null) eLoads[i] = loads;
    if (routed) {
      // One route per parallel edge, in the order written.
      const key = idOf(a) + "->" + idOf(b);
      const routes = L.edges[key];
      if (routes) {
        const nth = seen[key] = (seen[key] || 0);
        seen[key]++;
        if (routes[nth] && routes[nth].length >= 8) ePts[i] = routes[nth];
      }
    }
  }
  for (let i = 0, IN = N.in, AT = N.inAt; i < N.count; i++) {
    const to = nodeOfNet[N.out[i]];
    for (let a = AT[i]; a < AT[i + 1]; a++) {
      if (routed) edge(a, nodeOfNet[IN[a]], to, IN[a], null);
      // edge() written out for the layered layout (no routes): 2 * 10^4 edges as the page opens.
      else { eFrom[a] = nodeOfNet[IN[a]]; eTo[a] = to; }
    }
  }
  let bit = 0;
  C.outputs.forEach(t => t.nets.forEach(n => { edge(SLOTS + bit, nodeOfNet[n], outNode[bit], n, null); bit++; }));
  C.state.forEach((st, j) => edge(SLOTS + outNode.length + j, nodeOfNet[st.d], nodeOfNet[st.q], st.d, st));
  /** Whether edge i is drawn: both its ends have boxes. */
  const drawable = i => eFrom[i] >= 0 && eTo[i] >= 0;
  // A group's inputs and outputs: the nets its edges carry across its border.
  if (groups.length > 0) {
    for (let i = 0; i < edgeCount; i++) {
      if (!drawable(i)) continue;
      for (let g = nGroup[eFrom[i]]; g >= 0; g = groups[g].parent) if (!inside(eTo[i], g)) groups[g].outs.add(eNet[i]);
      for (let g = nGroup[eTo[i]]; g >= 0; g = groups[g].parent) if (!inside(eFrom[i], g)) groups[g].ins.add(eNet[i]);
    }
  }

  // ---- what is drawn: rebuilt when a group collapses or expands -------------------------------

  let shownNodes = new Int32Array(0);   // node indexes not inside a collapsed group
  let shownGroups = [];   // group indexes not inside a collapsed group (collapsed ones drawn as boxes)
  // Lines stored, numbered, as columns: the edge; its bounding box (x0, y0, x1, y1) in lBox; its
  // points in lPts from lAt[k] to lAt[k + 1] (a straight line's 4, a bent one's 8 as one cubic
  // Bezier, or Graphviz's route). Rebuilt when a group collapses or expands. A line between two shown
  // nodes of a layout with cells (Page.java: the layered layout, no routes) is not stored: paint and
  // hit testing find those near where they look through the cells and compute their points from the
  // ends (plainPts), so a 10^4-neuron page opens without making 2 * 10^4 lines first.
  let lineCount = 0;
  let lEdge = new Int32Array(0), lBox = new Float64Array(0), lAt = new Int32Array(1), lPts = new Float64Array(0);
  const rep = new Int32Array(nodeCount);   // the collapsed group a node is drawn as, or -1

  // A line running back left bends out beside its ends by BEND_X, then below the lower one by BEND_Y
  // (Layered.java leaves room for them around the drawing, and writes them).
  const BEND_X = L.bend[0], BEND_Y = L.bend[1];
  const NETS = C.nets.length;
  /**
   * The cells, or null: there are none for routed layouts, and they are not used when a node and a
   * bend could reach past the neighbouring cell (then a line near the view could have both ends more
   * than two cells away without being listed as long; see plainNear).
   */
  const CELLS = (() => {
    const cl = L.cells;
    if (!cl || routed) return null;
    const fits = L.sizes.every(([w, h]) => w / 2 + BEND_X < cl.size && h / 2 + BEND_Y < cl.size);
    return fits ? cl : null;
  })();
  const isLong = new Uint8Array(edgeCount);
  const stateEdgeOf = new Int32Array(NETS).fill(-1);   // per net: the edge loading it into a state bit, or -1
  if (CELLS) {
    for (const e of CELLS.long) isLong[e] = 1;
    C.state.forEach((st, j) => { stateEdgeOf[st.q] = SLOTS + outNode.length + j; });
  }

  function rebuild() {
    const collapsed = groups.some(g => g.collapsed);
    if (collapsed) {
      for (let i = 0; i < nodeCount; i++) {
        let r = -1;
        for (let g = nGroup[i]; g >= 0; g = groups[g].parent) if (groups[g].collapsed) r = g;
        rep[i] = r;
      }
    } else rep.fill(-1);
    let shown = 0;
    for (let i = 0; i < nodeCount; i++) if (rep[i] < 0) shown++;
    shownNodes = new Int32Array(shown);
    for (let i = 0, k = 0; i < nodeCount; i++) if (rep[i] < 0) shownNodes[k++] = i;
    shownGroups = [];
    groups.forEach((g, i) => {
      for (let p = g.parent; p >= 0; p = groups[p].parent) if (groups[p].collapsed) return;
      shownGroups.push(i);
    });
    lineCount = 0;
    if (CELLS && !collapsed) return;   // every line is plain: none stored
    let room = 0;
    for (let i = 0; i < edgeCount; i++) room += ePts[i] ? ePts[i].length : 8;
    lEdge = new Int32Array(edgeCount);
    lBox = new Float64Array(4 * edgeCount);
    lAt = new Int32Array(edgeCount + 1);
    lPts = new Float64Array(room);
    const once = new Set();
    for (let i = 0; i < edgeCount; i++) {
      if (!drawable(i)) continue;
      const ga = rep[eFrom[i]], gb = rep[eTo[i]];
      const a = eFrom[i], b = eTo[i], ay = nY[a], by = nY[b];
      if (ga < 0 && gb < 0) {
        if (CELLS) continue;   // plain: found through the cells
        if (ePts[i]) routedLine(i, ePts[i]);
        else straight(i, nX[a] + side(a), ay, nX[b] - side(b), by, Math.max(ay + nH[a] / 2, by + nH[b] / 2));
        continue;
      }
      if (ga >= 0 && ga === gb) continue;   // inside one collapsed box
      // Into or out of a collapsed box: one line per net and pair of ends, meeting the box's side.
      const key = (ga >= 0 ? "g" + ga : "n" + eFrom[i]) + ">" + (gb >= 0 ? "g" + gb : "n" + eTo[i]) + ":" + eNet[i];
      if (once.has(key)) continue;
      once.add(key);
      const x0 = ga >= 0 ? groups[ga].x + groups[ga].w : nX[a] + side(a);
      const y0 = ga >= 0 ? clampIn(groups[ga], ay) : ay;
      const x1 = gb >= 0 ? groups[gb].x : nX[b] - side(b);
      const y1 = gb >= 0 ? clampIn(groups[gb], by) : by;
      straight(i, x0, y0, x1, y1, Math.max(ga >= 0 ? groups[ga].y + groups[ga].h : ay + nH[a] / 2, gb >= 0 ? groups[gb].y + groups[gb].h : by + nH[b] / 2));
    }
  }
  const clampIn = (g, y) => Math.max(g.y + HEADER + 4, Math.min(g.y + g.h - 4, y));
  /** How far right and left of its centre a line meets node i: an input's or output's circle, else its box's side. */
  const side = i => nKind[i] === "input" || nKind[i] === "output" ? Math.min(nW[i], nH[i]) / 2 : nW[i] / 2;

  /** Edge i drawn along Graphviz's route. */
  function routedLine(i, p) {
    const k = lineCount++, at = lAt[k];
    lPts.set(p, at);
    lAt[k + 1] = at + p.length;
    lineBox(k, i);
  }
  /** Edge i drawn straight, or bent below both ends (bottom) when it runs back left. */
  function straight(i, x0, y0, x1, y1, bottom) {
    const k = lineCount++, at = lAt[k];
    lAt[k + 1] = at + bend(x0, y0, x1, y1, bottom, lPts, at);
    lineBox(k, i);
  }
  /**
   * A line's points from (x0, y0) to (x1, y1), into out from at: straight, or, when it runs back
   * left, one cubic Bezier bent out below both ends (bottom); returns how many numbers (4 or 8).
   */
  function bend(x0, y0, x1, y1, bottom, out, at) {
    out[at] = x0; out[at + 1] = y0;
    if (x1 > x0) {
      out[at + 2] = x1; out[at + 3] = y1;
      return 4;
    }
    const low = bottom + BEND_Y;
    out[at + 2] = x0 + BEND_X; out[at + 3] = low; out[at + 4] = x1 - BEND_X; out[at + 5] = low; out[at + 6] = x1; out[at + 7] = y1;
    return 8;
  }
  /** The box around the points p[from .. to) (a Bezier lies inside its control points) into out[at .. at + 4): x0, y0, x1, y1. */
  function boxAround(p, from, to, out, at) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let j = from; j < to; j += 2) {
      x0 = Math.min(x0, p[j]); x1 = Math.max(x1, p[j]); y0 = Math.min(y0, p[j + 1]); y1 = Math.max(y1, p[j + 1]);
    }
    out[at] = x0; out[at + 1] = y0; out[at + 2] = x1; out[at + 3] = y1;
  }
  /** Stored line k: edge i, and its box. */
  function lineBox(k, i) {
    lEdge[k] = i;
    boxAround(lPts, lAt[k], lAt[k + 1], lBox, 4 * k);
  }

  // ---- plain lines and nodes near a place, through the cells --------------------------------------

  /** Plain edge i's points into out (from 0): how many numbers. */
  function plainPts(i, out) {
    const a = eFrom[i], b = eTo[i];
    return bend(nX[a] + side(a), nY[a], nX[b] - side(b), nY[b], Math.max(nY[a] + nH[a] / 2, nY[b] + nH[b] / 2), out, 0);
  }
  const PLAIN = new Float64Array(8), PLAIN_BOX = new Float64Array(4);
  /** Whether edge i is drawn as a plain line and its box meets the rectangle. */
  function plainIn(i, x0, y0, x1, y1) {
    if (!drawable(i) || rep[eFrom[i]] >= 0 || rep[eTo[i]] >= 0) return false;
    boxAround(PLAIN, 0, plainPts(i, PLAIN), PLAIN_BOX, 0);
    return PLAIN_BOX[2] >= x0 && PLAIN_BOX[0] <= x1 && PLAIN_BOX[3] >= y0 && PLAIN_BOX[1] <= y1;
  }
  let found = new Int32Array(1024);
  /** Appends x to found at n, growing it; returns n + 1. */
  function keep(x, n) {
    if (n === found.length) { const f = new Int32Array(2 * n); f.set(found); found = f; }
    found[n] = x;
    return n + 1;
  }
  let refsFound = new Int32Array(1024);
  /**
   * The node refs (Page.java: a net, or the net count plus an output bit) of the cells within ring
   * cells of those a rectangle meets, into refsFound; returns how many.
   */
  function refsNear(x0, y0, x1, y1, ring) {
    const s = CELLS.size, cols = CELLS.cols, at = CELLS.at, refs = CELLS.refs;
    const cx0 = Math.max(0, Math.floor(x0 / s) - ring), cx1 = Math.min(cols - 1, Math.floor(x1 / s) + ring);
    const cy0 = Math.max(0, Math.floor(y0 / s) - ring), cy1 = Math.min(CELLS.rows - 1, Math.floor(y1 / s) + ring);
    let n = 0;
    for (let cy = cy0; cy <= cy1; cy++) {
      if (cx0 > cx1) break;
      const from = at[cy * cols + cx0], to = at[cy * cols + cx1 + 1];   // a row's cells are consecutive
      if (n + to - from > refsFound.length) { const f = new Int32Array(2 * (n + to - from)); f.set(refsFound); refsFound = f; }
      // Written as differences within a cell, a cell's first as itself.
      for (let c = cy * cols + cx0, r = 0; c <= cy * cols + cx1; c++) for (let j = at[c]; j < at[c + 1]; j++) refsFound[n++] = r = (j === at[c] ? 0 : r) + refs[j];
    }
    return n;
  }
  /**
   * Into found, returning how many: each plain edge whose box meets the rectangle. A short edge (ends
   * at most one cell apart each way) that meets it ends in a node within two cells of it: its box
   * reaches at most one cell past its ends' (the size check on CELLS), so it is found among the edges
   * into those nodes; long edges are listed (Page.java) and all looked at.
   */
  function plainNear(x0, y0, x1, y1) {
    let n = 0;
    for (let j = 0, m = refsNear(x0, y0, x1, y1, 2); j < m; j++) {
      const r = refsFound[j];
      // The edges into this node: its neuron's inputs, its output bit's edge, its state bit's.
      let e0, e1;
      if (r >= NETS) { e0 = SLOTS + r - NETS; e1 = e0 + 1; }
      else {
        const node = nodeOfNet[r], neuron = node < 0 ? -1 : nNeuron[node];
        if (neuron >= 0) { e0 = N.inAt[neuron]; e1 = N.inAt[neuron + 1]; }
        else { e0 = stateEdgeOf[r]; e1 = e0 < 0 ? e0 : e0 + 1; }
      }
      for (let e = e0; e < e1; e++) if (isLong[e] === 0 && plainIn(e, x0, y0, x1, y1)) n = keep(e, n);
    }
    for (const e of CELLS.long) if (plainIn(e, x0, y0, x1, y1)) n = keep(e, n);
    return n;
  }
  /** Into found, returning how many: each shown node whose box meets the rectangle (it is within a cell of it). */
  function nodesNear(x0, y0, x1, y1) {
    let n = 0;
    for (let j = 0, m = refsNear(x0, y0, x1, y1, 1); j < m; j++) {
      const r = refsFound[j], i = r >= NETS ? outNode[r - NETS] : nodeOfNet[r];
      if (i < 0 || rep[i] >= 0) continue;
      const hw = nW[i] / 2, hh = nH[i] / 2;
      if (nX[i] + hw >= x0 && nX[i] - hw <= x1 && nY[i] + hh >= y0 && nY[i] - hh <= y1) n = keep(i, n);
    }
    return n;
  }
  /** Without cells: the shown nodes whose boxes meet the rectangle, into found. */
  function nodesByScan(x0, y0, x1, y1) {
    let n = 0;
    for (let k = 0; k < shownNodes.length; k++) {
      const i = shownNodes[k], hw = nW[i] / 2, hh = nH[i] / 2;
      if (nX[i] + hw >= x0 && nX[i] - hw <= x1 && nY[i] + hh >= y0 && nY[i] - hh <= y1) n = keep(i, n);
    }
    return n;
  }

  // A line to draw or hit: ref >= 0 a stored line, else plain edge -1 - ref.
  /** Room for the points of any line: a bent one's 8, or Graphviz's longest route. */
  const LINE = new Float64Array(ePts.reduce((m, p) => Math.max(m, p.length), 8));
  /** A line's points into LINE, from 0: how many numbers. */
  function linePts(ref) {
    if (ref < 0) return plainPts(-1 - ref, LINE);
    LINE.set(lPts.subarray(lAt[ref], lAt[ref + 1]));
    return lAt[ref + 1] - lAt[ref];
  }
  const edgeOfLine = ref => ref >= 0 ? lEdge[ref] : -1 - ref;


  // ---- painting ----------------------------------------------------------------------------------

  let last = null;   // what the last paint drew, for tests: nodes and groups with the text shown

  function resize() {
    sizer.style.width = Math.floor(L.w * zoom) + "px";
    sizer.style.height = Math.floor(L.h * zoom) + "px";
  }

  /** An edge's colour says the value it carries: 1 orange, 0 grey, values between in between. */
  function colour(x) {
    if (x === 1) return "#e8710a";
    if (x === 0) return "#b0b4b8";
    const f = Math.max(0, Math.min(1, x));
    const mix = (a, b) => Math.round(a + (b - a) * f);
    return "rgb(" + mix(176, 232) + "," + mix(180, 113) + "," + mix(184, 10) + ")";
  }

  /** A rounded box as a new subpath of the current path. */
  function roundRect(x, y, w, h, r) {
    ctx.moveTo(x + r, y);
    ctx.arcTo(x + w, y, x + w, y + h, r);
    ctx.arcTo(x + w, y + h, x, y + h, r);
    ctx.arcTo(x, y + h, x, y, r);
    ctx.arcTo(x, y, x + w, y, r);
    ctx.closePath();
  }

  /** Paints what is in view now, from the values host.value gives. */
  function paint() {
    const dpr = window.devicePixelRatio || 1;
    const cw = box.clientWidth, ch = box.clientHeight;
    if (canvas.width !== Math.round(cw * dpr) || canvas.height !== Math.round(ch * dpr)) {
      canvas.width = Math.round(cw * dpr);
      canvas.height = Math.round(ch * dpr);
      canvas.style.width = cw + "px";
      canvas.style.height = ch + "px";
    }
    const sx = box.scrollLeft, sy = box.scrollTop;
    canvas.style.left = sx + "px";
    canvas.style.top = sy + "px";
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "#fafafa";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, -sx * dpr, -sy * dpr);
    const vx0 = sx / zoom, vy0 = sy / zoom, vx1 = (sx + cw) / zoom, vy1 = (sy + ch) / zoom;
    const inView = (x0, y0, x1, y1) => x1 >= vx0 && x0 <= vx1 && y1 >= vy0 && y0 <= vy1;
    const text = zoom >= TEXT_ZOOM;
    last = { nodes: [], groups: [], ends: [], tips: [], reach: [Infinity, Infinity, -Infinity, -Infinity] };
    ctx.textAlign = "center";

    // Expanded groups: a dashed outline and the name.
    ctx.setLineDash([4, 3]);
    ctx.lineWidth = 1;
    ctx.strokeStyle = "#bbb";
    for (const gi of shownGroups) {
      const g = groups[gi];
      if (g.collapsed || !inView(g.x, g.y, g.x + g.w, g.y + g.h)) continue;
      ctx.beginPath();
      roundRect(g.x, g.y, g.w, g.h, 6);
      ctx.stroke();
    }
    ctx.setLineDash([]);
    if (text) {
      ctx.font = SMALL;
      ctx.fillStyle = "#888";
      ctx.textAlign = "left";
      for (const gi of shownGroups) {
        const g = groups[gi];
        if (g.collapsed || !inView(g.x, g.y, g.x + g.w, g.y + g.h)) continue;
        ctx.fillText("▾ " + g.key, g.x + 4, g.y + 9);
        last.groups.push({ path: g.key, collapsed: false });
      }
      ctx.textAlign = "center";
    }

    // Edges, batched by look: one path per colour, width and dash.
    const batches = new Map();
    const add = ref => {
      const e = edgeOfLine(ref), x = host.value(eNet[e]);
      const key = colour(x) + (x === 1 ? "|2.6" : "|1.4") + (eLoads[e] !== undefined ? "|d" : "|");
      let b = batches.get(key);
      if (!b) batches.set(key, b = []);
      b.push(ref);
    };
    if (CELLS) for (let j = 0, n = plainNear(vx0, vy0, vx1, vy1); j < n; j++) add(-1 - found[j]);
    for (let k = 0; k < lineCount; k++) {
      // inView written out: this runs over every stored line at every paint.
      if (lBox[4 * k + 2] < vx0 || lBox[4 * k] > vx1 || lBox[4 * k + 3] < vy0 || lBox[4 * k + 1] > vy1) continue;
      add(k);
    }
    batches.forEach((list, key) => {
      const [c, w, d] = key.split("|");
      ctx.strokeStyle = c;
      ctx.fillStyle = c;
      ctx.lineWidth = Number(w);
      ctx.setLineDash(d ? [5, 3] : []);
      ctx.beginPath();
      for (const k of list) {
        const n = linePts(k), p = LINE, r = last.reach;
        last.ends.push([p[n - 2], p[n - 1]]);
        boxAround(p, 0, n, PLAIN_BOX, 0);
        r[0] = Math.min(r[0], PLAIN_BOX[0]); r[1] = Math.min(r[1], PLAIN_BOX[1]); r[2] = Math.max(r[2], PLAIN_BOX[2]); r[3] = Math.max(r[3], PLAIN_BOX[3]);
        ctx.moveTo(p[0], p[1]);
        if (n === 4) ctx.lineTo(p[2], p[3]);
        else for (let i = 2; i + 5 < n; i += 6) ctx.bezierCurveTo(p[i], p[i + 1], p[i + 2], p[i + 3], p[i + 4], p[i + 5]);
      }
      ctx.stroke();
      ctx.setLineDash([]);
      // Arrowheads, their tips at the ends, along the last segment.
      const len = 4 + 2 * Number(w), half = len * 0.45;
      ctx.beginPath();
      for (const k of list) {
        const end = linePts(k), p = LINE;
        const ex = p[end - 2], ey = p[end - 1];
        last.tips.push([ex, ey]);
        let dx = ex - p[end - 4], dy = ey - p[end - 3];
        const m = Math.hypot(dx, dy) || 1;
        dx /= m; dy /= m;
        ctx.moveTo(ex, ey);
        ctx.lineTo(ex - len * dx - half * dy, ey - len * dy + half * dx);
        ctx.lineTo(ex - len * dx + half * dy, ey - len * dy - half * dx);
        ctx.closePath();
      }
      ctx.fill();
    });

    // Collapsed groups: a box with the name and the values of the nets leaving it.
    for (const gi of shownGroups) {
      const g = groups[gi];
      if (!g.collapsed || !inView(g.x, g.y, g.x + g.w, g.y + g.h)) continue;
      ctx.beginPath();
      roundRect(g.x, g.y, g.w, g.h, 6);
      ctx.fillStyle = "#eef1f5";
      ctx.fill();
      ctx.strokeStyle = "#5f6368";
      ctx.lineWidth = 1.4;
      ctx.stroke();
      const outs = groupOutputs(gi);
      const written = { path: g.key, collapsed: true, outs: [], more: outs.length };
      last.groups.push(written);
      if (!text) continue;
      ctx.textAlign = "left";
      ctx.font = BOLD;
      ctx.fillStyle = "#202124";
      ctx.fillText("▸ " + g.key, g.x + 4, g.y + 11, g.w - 8);
      ctx.font = SMALL;
      const rows = Math.max(0, Math.floor((g.h - HEADER - 4) / 12));
      outs.forEach((o, k) => {
        if (k >= rows) return;
        const more = k === rows - 1 && outs.length > rows;
        ctx.fillStyle = o.value === 1 && !more ? "#c25e08" : "#444";
        ctx.fillText(more ? "… " + (outs.length - k) + " more" : o.name + " = " + o.text, g.x + 6, g.y + HEADER + 12 + 12 * k, g.w - 10);
        if (!more) { written.outs.push([o.net, o.name, o.text]); written.more--; }
      });
      ctx.textAlign = "center";
    }

    // Nodes, batched by look as edges are: one path filled and stroked per look, not two draws per node.
    const picked = host.picked();
    const drawn = last.nodes;
    const looks = new Map();
    const count = CELLS ? nodesNear(vx0, vy0, vx1, vy1) : nodesByScan(vx0, vy0, vx1, vy1);
    for (let k = 0; k < count; k++) {
      const i = found[k];
      const x = host.value(nNet[i]);
      const key = look(i, x === 1, nNeuron[i] >= 0 && nNeuron[i] === picked);
      if (key !== null) {
        let b = looks.get(key);
        if (!b) looks.set(key, b = []);
        b.push(i);
      }
      drawn.push({ id: idOf(i), net: nNet[i], label: labelOf(i), value: host.fmt(x), x: nX[i], y: nY[i] });
    }
    looks.forEach((list, key) => shapes(list, key));
    if (!text) return;
    // Names, then values: one font change each rather than two per node.
    ctx.fillStyle = "#202124";
    ctx.font = FONT;
    for (const d of drawn) ctx.fillText(d.label, d.x, d.y - 3);
    ctx.font = BOLD;
    for (const d of drawn) ctx.fillText(d.value, d.x, d.y + 11);
  }

  /** How node i is drawn, as one key: fill, outline, its width, its dash, form (circle or box) and kind; null for none. */
  function look(i, on, picked) {
    const kind = nKind[i];
    let fill = "#fff", stroke = "#555", width = 1.2, dash = "";
    if (kind === "constant") return null;
    if (kind === "input") fill = "#e8f0fe";
    else if (kind === "output") fill = "#fdf1d6";
    else if (kind === "flipflop") { fill = "#e6f4ea"; stroke = "#2e7d32"; }
    else if (kind === "feedback") { stroke = "#6a1b9a"; dash = "4,3"; }
    if (on) { fill = "#ffd8a8"; stroke = "#c25e08"; }
    if (picked) { stroke = "#1a73e8"; width = 3; }
    return fill + "|" + stroke + "|" + width + "|" + dash + "|" + kind;
  }

  /** The nodes of one look: their outlines as one path, filled, then stroked; then what some kinds add inside. */
  function shapes(list, key) {
    const [fill, stroke, width, dash, kind] = key.split("|");
    const circle = kind === "input" || kind === "output";
    ctx.beginPath();
    for (const i of list) {
      const x = nX[i], y = nY[i], w = nW[i], h = nH[i];
      if (circle) {
        const r = Math.min(w, h) / 2;
        ctx.moveTo(x + r, y);
        ctx.arc(x, y, r, 0, 2 * Math.PI);
      } else roundRect(x - w / 2, y - h / 2, w, h, kind === "flipflop" ? 1 : 8);
    }
    ctx.fillStyle = fill;
    ctx.fill();
    ctx.strokeStyle = stroke;
    ctx.lineWidth = Number(width);
    if (dash) ctx.setLineDash(dash.split(",").map(Number));
    ctx.stroke();
    if (dash) ctx.setLineDash([]);
    if (kind === "output") {
      // An output's second ring, in its outline's colour.
      ctx.beginPath();
      for (const i of list) {
        const r = Math.min(nW[i], nH[i]) / 2 - 3;
        ctx.moveTo(nX[i] + r, nY[i]);
        ctx.arc(nX[i], nY[i], r, 0, 2 * Math.PI);
      }
      ctx.stroke();
    }
    if (kind === "flipflop") {
      // The clock input's triangle, as flip-flops are drawn in schematics.
      ctx.beginPath();
      for (const i of list) {
        const x0 = nX[i] - nW[i] / 2, y1 = nY[i] + nH[i] / 2;
        ctx.moveTo(x0, y1 - 12);
        ctx.lineTo(x0 + 7, y1 - 7);
        ctx.lineTo(x0, y1 - 2);
      }
      ctx.strokeStyle = "#2e7d32";
      ctx.lineWidth = 1.2;
      ctx.stroke();
    }
  }

  /** The nets leaving a group, each named inside it, with its value now. */
  function groupOutputs(gi) {
    const g = groups[gi];
    return Array.from(g.outs, net => {
      const name = C.nets[net];
      const x = host.value(net);
      return { net: net, name: name.startsWith(g.key + "/") ? name.substring(g.key.length + 1) : name, value: x, text: host.fmt(x) };
    });
  }

  // ---- hit testing, hover and click ------------------------------------------------------------

  /** What is at a point of the layout: an expanded group's name strip, a node, a collapsed group, an edge, or null. */
  function hit(px, py) {
    const within = g => px >= g.x && px <= g.x + g.w && py >= g.y && py <= g.y + g.h;
    // The name strip above an expanded group's contents (nodes start below it); innermost first.
    for (let k = shownGroups.length - 1; k >= 0; k--) {
      const g = groups[shownGroups[k]];
      if (!g.collapsed && within(g) && py <= g.y + LABEL + 2) return { group: shownGroups[k] };
    }
    if ((CELLS ? nodesNear(px, py, px, py) : nodesByScan(px, py, px, py)) > 0) return { node: found[0] };
    for (let k = shownGroups.length - 1; k >= 0; k--) {
      const g = groups[shownGroups[k]];
      if (g.collapsed && within(g)) return { group: shownGroups[k] };
    }
    const near = 4 / zoom;
    let best = 0, bestD = near;
    const closer = ref => {
      const d = distance(ref, px, py);
      if (d < bestD) { bestD = d; best = ref; }
    };
    if (CELLS) for (let j = 0, n = plainNear(px - near, py - near, px + near, py + near); j < n; j++) closer(-1 - found[j]);
    for (let k = 0; k < lineCount; k++) {
      if (px < lBox[4 * k] - near || px > lBox[4 * k + 2] + near || py < lBox[4 * k + 1] - near || py > lBox[4 * k + 3] + near) continue;
      closer(k);
    }
    return bestD < near ? { line: best } : null;
  }

  /** How far a line (as linePts numbers them) passes from a point. */
  function distance(ref, px, py) {
    const n = linePts(ref), p = LINE;
    const seg = (ax, ay, bx, by) => {
      const dx = bx - ax, dy = by - ay, l = dx * dx + dy * dy;
      const t = l === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l));
      return Math.hypot(px - ax - t * dx, py - ay - t * dy);
    };
    if (n === 4) return seg(p[0], p[1], p[2], p[3]);
    let d = Infinity, ax = p[0], ay = p[1];
    for (let i = 2; i + 5 < n; i += 6) {
      for (let s = 1; s <= 12; s++) {
        const t = s / 12, u = 1 - t;
        const bx = u * u * u * ax + 3 * u * u * t * p[i] + 3 * u * t * t * p[i + 2] + t * t * t * p[i + 4];
        const by = u * u * u * ay + 3 * u * u * t * p[i + 1] + 3 * u * t * t * p[i + 3] + t * t * t * p[i + 5];
        d = Math.min(d, seg(ax, ay, bx, by));
        ax = bx; ay = by;
      }
    }
    return d;
  }

  /** The tooltip of what the pointer is over. */
  function title(h) {
    if (h === null) return "";
    if (h.node !== undefined) {
      const i = h.node;
      const st = nKind[i] === "flipflop" || nKind[i] === "feedback" ? stateOf.get(nNet[i]) : null;
      if (st) return st.path + (st.kind === "dff" ? ": flip-flop, takes " + C.nets[st.d] + " at each clock edge"
          : ": feedback wire, takes " + C.nets[st.d] + " one unit delay later while a cycle settles") + "; initial value " + st.init;
      return nNeuron[i] >= 0 ? N.path(nNeuron[i]) : labelOf(i);
    }
    if (h.group !== undefined) {
      const g = groups[h.group];
      return g.key + (g.collapsed ? ": collapsed, click to expand" : ": click the name to collapse");
    }
    return edgeTitle(edgeOfLine(h.line));
  }

  /** An edge's tooltip: the net, where it goes, and the weight it meets there. */
  function edgeTitle(e) {
    const loads = eLoads[e];
    if (loads !== undefined) return C.nets[eNet[e]] + " → " + loads.path + (loads.kind === "dff" ? " at the clock edge" : " one unit delay later");
    const reader = readerOf(e);
    if (reader >= 0) {
      const n = N.neuron(reader), k = e - N.inAt[reader];
      return C.nets[eNet[e]] + " → " + n.path + (n.exact ? ": weight " + n.exact.w[k] + (n.exact.scale !== 1 ? "/" + n.exact.scale : "")
          : ": weight " + n.w[k]);
    }
    return labelOf(eTo[e]);
  }

  const pointer = ev => hit((box.scrollLeft + ev.offsetX) / zoom, (box.scrollTop + ev.offsetY) / zoom);
  let hoverNeuron = -1;
  canvas.addEventListener("mousemove", ev => {
    const h = pointer(ev);
    canvas.title = title(h);
    const neuron = h !== null && h.node !== undefined ? nNeuron[h.node] : -1;
    canvas.style.cursor = neuron >= 0 || (h !== null && h.group !== undefined) ? "pointer" : "default";
    if (neuron !== hoverNeuron) { hoverNeuron = neuron; host.hover(neuron); }
  });
  canvas.addEventListener("mouseleave", () => { if (hoverNeuron >= 0) { hoverNeuron = -1; host.hover(-1); } });
  canvas.addEventListener("click", ev => {
    const h = pointer(ev);
    if (h === null) return;
    if (h.group !== undefined) setCollapsed(h.group, !groups[h.group].collapsed);
    else if (h.node !== undefined && nNeuron[h.node] >= 0) host.pick(nNeuron[h.node]);
  });

  let pending = false;
  function paintSoon() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; paint(); });
  }
  box.addEventListener("scroll", paintSoon, { passive: true });
  window.addEventListener("resize", paintSoon);

  // ---- zoom ------------------------------------------------------------------------------------

  /** Zooms about a point of the view (client pixels from its corner), keeping that point still. */
  function zoomTo(z, cx, cy) {
    z = Math.max(Math.min(0.02, fit()), Math.min(4, z));
    const lx = (box.scrollLeft + cx) / zoom, ly = (box.scrollTop + cy) / zoom;
    // Out of the way first: where the last paint put it, the canvas would keep the old scroll range.
    canvas.style.left = canvas.style.top = "0px";
    zoom = z;
    resize();
    box.scrollLeft = lx * zoom - cx;
    box.scrollTop = ly * zoom - cy;
    document.getElementById("zoom-level").textContent = Math.round(zoom * 100) + "%";
    paint();
  }
  const mid = () => [box.clientWidth / 2, box.clientHeight / 2];
  const fit = () => Math.min(1, box.clientWidth / L.w, box.clientHeight / L.h);
  document.getElementById("zoom-in").addEventListener("click", () => zoomTo(zoom * 1.25, ...mid()));
  document.getElementById("zoom-out").addEventListener("click", () => zoomTo(zoom / 1.25, ...mid()));
  // Twice: the first fit may remove the scroll bars, which widens the view the second one measures.
  document.getElementById("zoom-fit").addEventListener("click", () => { zoomTo(fit(), 0, 0); zoomTo(fit(), 0, 0); });
  box.addEventListener("wheel", ev => {
    if (!ev.ctrlKey) return;
    ev.preventDefault();
    const r = box.getBoundingClientRect();
    zoomTo(zoom * (ev.deltaY < 0 ? 1.1 : 1 / 1.1), ev.clientX - r.left, ev.clientY - r.top);
  }, { passive: false });

  // ---- collapsing ------------------------------------------------------------------------------

  function setCollapsed(g, c) {
    if (groups[g].collapsed === c) return;
    groups[g].collapsed = c;
    rebuild();
    paint();
    host.groupsChanged();
  }

  /** Large circuits open with their top-level instances collapsed: fewer things to draw and to read. */
  if (nodeCount > 2000) groups.forEach(g => { if (g.depth === 1) g.collapsed = true; });
  resize();
  rebuild();

  return {
    paint: paint,
    groups: groups,
    setCollapsed: setCollapsed,
    setAll: c => { groups.forEach(g => { g.collapsed = c; }); rebuild(); paint(); host.groupsChanged(); },
    /**
     * For tests: what the last paint drew, in view: each node with its label and the value it is painted
     * with (its text when zoomed in enough to read, its colour always), each group, a collapsed one with
     * the nets leaving it whose values are written in its box and how many more leave it; where each
     * line drawn ends, and each arrowhead's tip; the box around every line's points (a bent line's
     * control points hold it).
     */
    drawn: () => last,
    /** For tests: where a node or a group's header is, in the page's client pixels, scrolled into view first. */
    pointOf: (what) => {
      const g = groupAt.get(what);
      // A collapsed box is clicked anywhere (its middle), an expanded one on its name.
      const gr = groups[g];
      let nd = 0;
      while (g === undefined && nd < nodeCount && idOf(nd) !== what) nd++;
      if (nd === nodeCount) throw new Error("no node or group " + what);
      const [lx, ly] = g === undefined ? [nX[nd], nY[nd]]
          : gr.collapsed ? [gr.x + gr.w / 2, gr.y + gr.h / 2] : [gr.x + 12, gr.y + (LABEL + 2) / 2];
      box.scrollLeft = lx * zoom - box.clientWidth / 2;
      box.scrollTop = ly * zoom - box.clientHeight / 2;
      paint();
      const r = canvas.getBoundingClientRect();
      return [r.left + lx * zoom - box.scrollLeft, r.top + ly * zoom - box.scrollTop];
    },
    /**
     * For tests: the edges and nodes drawn if the view were the rectangle (layout pixels), found as
     * paint finds them (through the cells, when there are) and by looking at every one; each sorted.
     */
    near: (x0, y0, x1, y1) => {
      const sorted = n => Array.from(found.subarray(0, n)).sort((a, b) => a - b);
      const plain = CELLS ? sorted(plainNear(x0, y0, x1, y1)) : [];
      const scan = [];
      if (CELLS) for (let e = 0; e < edgeCount; e++) if (plainIn(e, x0, y0, x1, y1)) scan.push(e);
      return { cells: CELLS !== null, plain: plain, plainByScan: scan,
        nodes: CELLS ? sorted(nodesNear(x0, y0, x1, y1)) : null, nodesByScan: sorted(nodesByScan(x0, y0, x1, y1)) };
    },
    /** For tests: every edge's tooltip, by edge number (null for an edge not drawn: an end without a box). */
    edgeTitles: () => Array.from({ length: edgeCount }, (_, e) => drawable(e) ? edgeTitle(e) : null),
    /** For tests: the canvas's pixels now, to compare two paints. */
    pixels: () => { paint(); return canvas.toDataURL(); }
  };
}
