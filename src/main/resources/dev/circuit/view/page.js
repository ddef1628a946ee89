"use strict";
// The page's one evaluator. Every neuron comes from the engine's model: a hard neuron as its exact
// integer weights and threshold (it fires iff sum >= threshold), a real-valued one as its weights,
// bias and activation. Neurons run in the netlist's topological order, exactly as listed. A circuit
// with state runs in cycles exactly as eval.Simulator does (settle, read, clock edge), from the state
// list the engine's model emitted.
//
// All of it runs at DOMContentLoaded rather than where the parser meets this script: run there, a
// large circuit's work made the parser yield, and the browser spent a whole frame painting the empty
// page before the first frame with the circuit in it (docs/BENCHMARKS.md).
document.addEventListener("DOMContentLoaded", function () {
  const C = unpackData(JSON.parse(document.getElementById("circuit-data").textContent));
  const SVG = "http://www.w3.org/2000/svg";
  // Every net's value (numbers only: a bus is its bits). Typed arrays here and below: the page's first
  // frame waits for every neuron to run once, in code the browser has not compiled yet.
  const vals = new Float64Array(C.nets.length);
  // The neurons come as columns (Page.java): kinds written once, per neuron its kind, output, inputs
  // (flat, as many as its kind's fanIn) and, when unusual, path. No object is made per neuron. Outputs
  // and inputs are written as differences (the page's size is part of its opening time): OUT[i] is
  // OUT[i - 1] + 1 + out[i], IN[a] is IN[a - 1] + in[a].
  const NS = C.neurons, KINDS = NS.kinds, KIND = NS.kind, COUNT = NS.out.length;
  const OUT = new Int32Array(COUNT), IN = new Int32Array(NS.in.length);
  for (let i = 0, o = -1, d = NS.out; i < COUNT; i++) OUT[i] = o = o + 1 + d[i];
  for (let a = 0, x = 0, d = NS.in, n = d.length; a < n; a++) IN[a] = x = x + d[a];
  // Each kind's numbers flat: fan-in, hard or not, weights from kW[kWAt[k]] (a hard neuron's exact
  // integers, else the real weights), threshold (hard) or bias (real), and a hard neuron's bias and scale.
  const NK = KINDS.length, kFan = new Int32Array(NK), kHard = new Uint8Array(NK), kWAt = new Int32Array(NK + 1);
  const kT = new Float64Array(NK), kBias = new Float64Array(NK), kScale = new Float64Array(NK);
  KINDS.forEach((K, k) => { kFan[k] = K.fanIn; kWAt[k + 1] = kWAt[k] + K.fanIn; });
  const kW = new Float64Array(kWAt[NK]);
  KINDS.forEach((K, k) => {
    const ex = K.exact;
    kHard[k] = ex ? 1 : 0;
    kW.set(ex ? ex.w : K.w, kWAt[k]);
    if (ex) { kT[k] = ex.t; kBias[k] = ex.bias; kScale[k] = ex.scale; } else kT[k] = K.bias;
  });
  const inAt = new Int32Array(COUNT + 1);   // neuron i reads IN[inAt[i]] .. IN[inAt[i + 1] - 1]
  for (let i = 0; i < COUNT; i++) inAt[i + 1] = inAt[i] + kFan[KIND[i]];
  /** A neuron's path: written only when it is not the usual one, the top circuit's name and the name of the net it drives. */
  const pathOf = i => NS.paths[i] === undefined ? C.name + "/" + C.nets[OUT[i]] : NS.paths[i];
  /**
   * The path of the instance a neuron is in, between the top circuit's name and its own ("" at the
   * top). For the usual path, the net's name up to its last '/' (the top circuit's name has none).
   */
  function instanceOf(i) {
    const q = NS.paths[i], p = q === undefined ? C.nets[OUT[i]] : q.substring(q.indexOf("/") + 1), cut = p.lastIndexOf("/");
    return cut < 0 ? "" : p.substring(0, cut);
  }
  /** One neuron as an object, for the panels that show one at a time. */
  function neuron(i) {
    const K = KINDS[KIND[i]];
    return { path: pathOf(i), act: K.act, out: OUT[i], in: Array.from(IN.subarray(inAt[i], inAt[i + 1])), exact: K.exact || null, w: K.w, bias: K.bias };
  }
  // Per neuron, of the last evaluation: the exact sum (NaN when the inputs were not all bits), z and the output.
  const infoSum = new Float64Array(COUNT), infoZ = new Float64Array(COUNT), infoY = new Float64Array(COUNT);
  const inputState = C.inputs.map(t => t.bus ? 0n : 0);
  let picked = -1;
  let hovered = -1;
  const ST = C.state;
  const FLOPS = ST.filter(s => s.kind === "dff");
  const FBS = ST.filter(s => s.kind === "feedback");
  let cycle = 0;             // the cycle running now: 0 after a reset
  let oscillating = null;    // why the current cycle did not settle, or null

  // ---- evaluation ------------------------------------------------------------------------------

  const ACT = {
    "step": z => z > 0 ? 1 : 0,
    ">=": z => z >= 0 ? 1 : 0,
    // As the engine computes it: never exp of a large positive number.
    "sigmoid": z => { if (z >= 0) return 1 / (1 + Math.exp(-z)); const e = Math.exp(z); return e / (1 + e); },
    "linear": z => z,
    "relu": z => z > 0 ? z : 0,
    "tanh": z => Math.tanh(z)
  };

  /** A double as an exact decimal m * 10^-e (m a BigInt), read from its shortest text, as the engine reads it. */
  function decimal(v) {
    const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(v));
    const frac = m[3] || "";
    let e = frac.length - Number(m[4] || 0);
    let big = BigInt(m[1] + m[2] + frac);
    if (e < 0) { big *= 10n ** BigInt(-e); e = 0; }
    return [big, e];
  }

  /** A hard neuron on real-valued inputs, decided exactly: sum(w * x) >= t in decimals. */
  function firesOnReals(ex, xs) {
    const ds = xs.map(decimal);
    const top = Math.max(0, ...ds.map(d => d[1]));
    let sum = 0n;
    ds.forEach((d, k) => { sum += BigInt(ex.w[k]) * d[0] * 10n ** BigInt(top - d[1]); });
    return sum >= BigInt(ex.t) * 10n ** BigInt(top);
  }

  /** Lays the inputs into the nets (bus bits least significant first), then runs every neuron in order. */
  function evaluate(state, v, record) {
    C.inputs.forEach((t, i) => {
      if (t.bus) t.nets.forEach((n, b) => { v[n] = Number((state[i] >> BigInt(b)) & 1n); });
      else v[t.nets[0]] = state[i];
    });
    for (const [n, x] of C.constants) v[n] = x;
    // Plain loops, no arrays made per neuron: on 10^4 neurons this runs on every toggle.
    for (let i = 0; i < COUNT; i++) {
      const kd = KIND[i], a = inAt[i], f = kFan[kd], wa = kWAt[kd];
      let y, z, sum = NaN;
      if (kHard[kd] === 1) {
        // Exact: every input a bit, so the sum is of integers below 2^53 (Page.java checks).
        let k = 0;
        sum = 0;
        for (; k < f; k++) {
          const x = v[IN[a + k]];
          if (x === 1) sum += kW[wa + k];
          else if (x !== 0) break;
        }
        if (k === f) {
          y = sum >= kT[kd] ? 1 : 0;
          z = (sum + kBias[kd]) / kScale[kd];
        } else {
          sum = NaN;
          const ex = KINDS[kd].exact, xs = Array.from(IN.subarray(a, a + f), k => v[k]);
          y = firesOnReals(ex, xs) ? 1 : 0;
          z = (xs.reduce((s, x, k) => s + ex.w[k] * x, 0) + ex.bias) / ex.scale;
        }
      } else {
        // In the order the engine adds: the bias, then each weight times its input.
        z = kT[kd];
        for (let k = 0; k < f; k++) z += kW[wa + k] * v[IN[a + k]];
        y = ACT[KINDS[kd].act](z);
      }
      v[OUT[i]] = y;
      if (record) { infoSum[i] = sum; infoZ[i] = z; infoY[i] = y; }
    }
  }

  /** A terminal's value from the nets: a bus as a BigInt (null when a bit is not 0 or 1), a wire as a number. */
  function terminalValue(t, v) {
    if (!t.bus) return v[t.nets[0]];
    let x = 0n;
    for (let b = t.nets.length - 1; b >= 0; b--) {
      const bit = v[t.nets[b]];
      if (bit !== 0 && bit !== 1) return null;
      x = (x << 1n) | BigInt(bit);
    }
    return x;
  }

  // ---- time: eval.Simulator's cycle, step for step ----------------------------------------------

  /** Back to cycle 0 (Simulator.reset): every net 0, every flip-flop and feedback wire its initial value. */
  function resetNets(v) {
    v.fill(0);
    for (const s of ST) v[s.q] = s.init;
  }

  /**
   * Applies the inputs and settles (Simulator.settle): the neurons run with every state output held;
   * then every feedback wire takes the value driving it, all at once, and again, until none changes.
   * Returns null, or, for a loop still changing after the simulator's limit, the simulator's message.
   */
  function settle(inputs, v, record) {
    const next = new Array(FBS.length);
    let steps = 0;
    for (;;) {
      evaluate(inputs, v, record);
      if (FBS.length === 0) return null;
      let changed = false;
      FBS.forEach((s, i) => { next[i] = v[s.d]; if (next[i] !== v[s.q]) changed = true; });
      if (!changed) return null;
      if (++steps > C.settleLimit) {
        const moving = FBS.filter((s, i) => next[i] !== v[s.q]).map(s => s.path);
        return "the loop through " + moving.join(", ") + " does not settle: still changing after "
            + C.settleLimit + " unit-delay steps (it oscillates)";
      }
      FBS.forEach((s, i) => { v[s.q] = next[i]; });
    }
  }

  /** The clock edge that ends a cycle (Simulator.clock): every flip-flop takes its input, all at once. */
  function clock(v) {
    const next = FLOPS.map(s => v[s.d]);
    FLOPS.forEach((s, i) => { v[s.q] = next[i]; });
  }

  function fmt(x) {
    if (x === null) return "?";
    if (typeof x === "bigint" || Number.isInteger(x)) return String(x);
    return String(Number(x.toPrecision(6)));
  }

  function bigOf(text) { return BigInt(text.replace(/\.0*$/, "")); }

  // ---- tables ----------------------------------------------------------------------------------

  /** Sets the inputs a row names; its X cells are 0 (the first of the values X stands for). */
  function rowState(table, row, base) {
    const s = base.slice();
    table.inCol.forEach((ti, c) => {
      const cell = row.in[c];
      const t = C.inputs[ti];
      s[ti] = cell === null ? (t.bus ? 0n : 0) : (t.bus ? bigOf(cell[0]) : Number(cell[0]));
    });
    return s;
  }

  function cellHolds(table, c, got) {
    const cell = got.row.out[c];
    if (cell === null) return true;
    const t = C.outputs[table.outCol[c]];
    const g = terminalValue(t, got.v);
    if (t.bus) {
      if (g === null) return false;
      const e = bigOf(cell[0]);
      const diff = g > e ? g - e : e - g;
      return table.tol === null ? diff === 0n : diff <= BigInt(table.tol.split(".")[0]);
    }
    const e = Number(cell[0]);
    return table.tol === null ? g === e : Math.abs(g - e) <= Number(table.tol);
  }

  /** pass, fail, or unchecked (X inputs expand to more rows than the page tries: 2^12). */
  function rowVerdict(table, row) {
    const free = [];
    let bits = 0;
    table.inCol.forEach((ti, c) => { if (row.in[c] === null) { free.push(ti); bits += C.inputs[ti].nets.length; } });
    if (bits > 12) return "unchecked";
    const v = new Float64Array(C.nets.length);
    for (let k = 0; k < (1 << bits); k++) {
      const s = rowState(table, row, inputState);
      let rest = k;
      for (const ti of free) {
        const w = C.inputs[ti].nets.length;
        const x = rest & ((1 << w) - 1);
        rest >>= w;
        s[ti] = C.inputs[ti].bus ? BigInt(x) : x;
      }
      evaluate(s, v, false);
      for (let c = 0; c < table.outCol.length; c++) if (!cellHolds(table, c, { row: row, v: v })) return "fail";
    }
    return "pass";
  }

  /** The inputs of no row yet: a sequence starts from these, as the simulator's input array does. */
  const noInputs = () => C.inputs.map(t => t.bus ? 0n : 0);

  /**
   * A sequence table's marks, one per row: the run from reset is simulated for every value its X
   * input cells spell (up to 2^12 runs; rows past that are unchecked), and a row fails when its
   * outputs differ in some run. Runs go on past a failing row (the circuit's state does not depend on
   * what a row expects), so every row reached is checked; a row after a loop that oscillated in some
   * run was not reached in that run, and is unchecked unless another run fails it.
   */
  function sequenceVerdicts(table) {
    const verdict = table.rows.map(() => ({ mark: "pass", why: "" }));
    const worse = (r, mark, why) => {
      if (verdict[r].mark === "fail" || (verdict[r].mark === "unchecked" && mark !== "fail")) return;
      verdict[r] = { mark: mark, why: why };
    };
    const free = [];
    let bits = 0;
    let upTo = table.rows.length;
    table.rows.forEach((row, r) => table.inCol.forEach((ti, c) => {
      if (row.in[c] !== null || r >= upTo) return;
      const w = C.inputs[ti].nets.length;
      if (bits + w > 12) { upTo = r; return; }
      free.push({ r: r, ti: ti, w: w, shift: bits });
      bits += w;
    }));
    const kept = free.filter(f => f.r < upTo);
    for (let r = upTo; r < table.rows.length; r++) worse(r, "unchecked", "X cells before it spell more runs than the page tries (2^12)");
    const v = new Float64Array(C.nets.length);
    const runs = 2 ** kept.reduce((b, f) => b + f.w, 0);
    for (let run = 0; run < runs; run++) {
      resetNets(v);
      let s = noInputs();
      for (let r = 0; r < upTo; r++) {
        const row = table.rows[r];
        s = rowState(table, row, s);
        for (const f of kept) {
          if (f.r !== r) continue;
          const x = Math.floor(run / 2 ** f.shift) % 2 ** f.w;
          s[f.ti] = C.inputs[f.ti].bus ? BigInt(x) : x;
        }
        const osc = settle(s, v, false);
        if (osc !== null) {
          worse(r, "fail", osc);
          for (let later = r + 1; later < upTo; later++) worse(later, "unchecked", "a loop before it oscillates in some run");
          break;
        }
        for (let c = 0; c < table.outCol.length; c++) {
          if (!cellHolds(table, c, { row: row, v: v })) { worse(r, "fail", "the circuit disagrees with this row"); break; }
        }
        clock(v);
      }
    }
    return verdict;
  }

  // ---- drawing (drawing.js) -----------------------------------------------------------------------

  document.getElementById("engine").textContent = (C.boolean ? "Boolean" : "real-valued") + " circuit · "
      + COUNT + " neurons · layout: " + C.layout.engine;
  const drawing = makeDrawing(C, {
    neurons: { count: COUNT, out: OUT, in: IN, inAt: inAt, path: pathOf, instance: instanceOf, nested: NS.nested, neuron: neuron },
    value: net => vals[net],
    fmt: fmt,
    picked: () => picked,
    hover: i => { hovered = i; showInfo(); },
    pick: i => { picked = picked === i ? -1 : i; showInfo(); paint(); },
    groupsChanged: () => showInstances()
  });
  const paint = drawing.paint;

  // ---- panels ----------------------------------------------------------------------------------

  let infoShown = null;   // the panel's HTML now: not set again when unchanged (every toggle shows the panel)
  function showInfo() {
    const i = hovered >= 0 ? hovered : picked;
    const box = document.getElementById("info");
    const set = h => { if (h !== infoShown) box.innerHTML = infoShown = h; };
    if (i < 0) { set('<p class="hint">Hover over or click a neuron.</p>'); return; }
    const n = neuron(i), r = { sum: isNaN(infoSum[i]) ? null : infoSum[i], z: infoZ[i], y: infoY[i] };
    const esc = s => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;");
    let h = "<p><b>" + esc(n.path) + "</b><br>" + (n.exact ? "hard neuron, exact integer form" : esc(n.act) + " neuron") + "</p><table><tr><th>input</th><th>weight</th><th>value</th></tr>";
    n.in.forEach((k, j) => {
      h += "<tr><td>" + esc(C.nets[k]) + "</td><td>" + (n.exact ? n.exact.w[j] : fmt(n.w[j])) + "</td><td>" + fmt(vals[k]) + "</td></tr>";
    });
    h += "</table>";
    if (n.exact) {
      const ex = n.exact;
      h += '<div class="rule">fires iff sum ≥ ' + ex.t + "</div>";
      if (r.sum !== null) h += '<div class="rule">sum = <b>' + r.sum + "</b>, margin sum − threshold = " + (r.sum - ex.t) + "</div>";
      h += '<div class="rule">z = (sum + ' + ex.bias + ")" + (ex.scale !== 1 ? " / " + ex.scale : "") + " = " + fmt(r.z) + ", |z| = " + fmt(Math.abs(r.z)) + "</div>";
    } else {
      h += '<div class="rule">bias ' + fmt(n.bias) + ", z = " + fmt(r.z) + ", |z| = " + fmt(Math.abs(r.z)) + "</div>";
    }
    h += '<div class="rule">out = <b id="info-out">' + fmt(r.y) + "</b></div>";
    set(h);
  }

  /**
   * Appends rows to a box in chunks of 16. A circuit may have hundreds of ports, and the page's
   * opening is timed (docs/BENCHMARKS.md): the rows that can be in view at open (as many as 24-pixel
   * rows fill the window, inputs then outputs) are laid out with the page; the chunks after them are
   * skipped (content-visibility: hidden) until the first frame is out, and from then on laid out
   * only while in view (auto). Measured, every chunk "auto" from the start cost the first frame an
   * extra style and layout pass: Chromium decides what is in view during that frame.
   */
  let rowsBefore = 0;
  // The window's height in chunks of 16 rows of 24 pixels, asked of media queries: reading
  // window.innerHeight (or any element's size) here would lay the page out (measured, 2 ms).
  let chunksAtOpen = 1;
  while (chunksAtOpen < 100 && matchMedia("(min-height: " + chunksAtOpen * 16 * 24 + "px)").matches) chunksAtOpen++;
  const rowsAtOpen = 16 * chunksAtOpen;
  const laterChunks = [];
  function chunked(box, count) {
    let chunk = null, rows = 0;
    return row => {
      if (rows % 16 === 0) {
        chunk = box.appendChild(document.createElement("div"));
        chunk.className = "rows";
        if (rowsBefore >= rowsAtOpen) {
          chunk.classList.add("rest", "later");
          laterChunks.push(chunk);
          // Its size until first laid out: about 31.25 pixels a row (500 for 16, page.css), less for the last.
          if (count - rows < 16) chunk.style.containIntrinsicSize = "auto " + 31.25 * (count - rows) + "px";
        }
      }
      rows++;
      rowsBefore++;
      chunk.appendChild(row);
    };
  }

  const addInput = chunked(document.getElementById("inputs"), C.inputs.length);
  const inputControls = C.inputs.map((t, i) => {
    const row = document.createElement("div");
    row.className = "term";
    row.appendChild(document.createTextNode(t.bus ? t.name + "[" + t.nets.length + "]" : t.name));
    let ctl;
    if (t.bus || !C.boolean) {
      ctl = document.createElement("input");
      ctl.className = "num";
      ctl.value = "0";
      ctl.addEventListener("input", () => {
        try {
          if (t.bus) {
            const x = BigInt(ctl.value.trim());
            if (x < 0n || x >> BigInt(t.nets.length) !== 0n) throw new Error("out of range");
            inputState[i] = x;
          } else {
            const x = Number(ctl.value);
            if (ctl.value.trim() === "" || !Number.isFinite(x)) throw new Error("not a number");
            inputState[i] = x;
          }
          ctl.setCustomValidity("");
          update();
        } catch (e) {
          ctl.setCustomValidity(t.bus ? "0.." + ((1n << BigInt(t.nets.length)) - 1n) : "a number");
          ctl.reportValidity();
        }
      });
    } else {
      ctl = document.createElement("button");
      ctl.className = "bit";
      ctl.addEventListener("click", () => { inputState[i] = inputState[i] === 1 ? 0 : 1; update(); });
    }
    ctl.id = "in-" + t.name;
    row.appendChild(ctl);
    addInput(row);
    return ctl;
  });

  const addOutput = chunked(document.getElementById("outputs"), C.outputs.length);
  const outputViews = C.outputs.map(t => {
    const row = document.createElement("div");
    row.className = "term";
    row.appendChild(document.createTextNode(t.bus ? t.name + "[" + t.nets.length + "]" : t.name));
    const o = document.createElement("span");
    o.className = "out";
    o.id = "out-" + t.name;
    row.appendChild(o);
    addOutput(row);
    return o;
  });

  /** Sets an element's text, only if it changes: a circuit may have hundreds of ports, most unchanged by a toggle. */
  const setText = (e, text) => { if (e.textContent !== text) e.textContent = text; };

  function showTerminals() {
    C.inputs.forEach((t, i) => {
      const ctl = inputControls[i];
      if (ctl.tagName === "BUTTON") { setText(ctl, String(inputState[i])); ctl.classList.toggle("on", inputState[i] === 1); }
      else if (document.activeElement !== ctl) ctl.value = String(inputState[i]);
    });
    C.outputs.forEach((t, i) => {
      const x = terminalValue(t, vals);
      setText(outputViews[i], fmt(x));
      outputViews[i].classList.toggle("on", !t.bus && x === 1);
    });
  }

  // ---- instances: each group of the drawing, collapsed or expanded from here or in the drawing --------

  const instancesBox = document.getElementById("instances");
  if (drawing.groups.length > 0) {
    document.getElementById("instances-panel").hidden = false;
    document.getElementById("collapse-all").addEventListener("click", () => drawing.setAll(true));
    document.getElementById("expand-all").addEventListener("click", () => drawing.setAll(false));
  }

  /** The instance tree as far as it is open: a row per group not inside a collapsed one. */
  function showInstances() {
    const gs = drawing.groups;
    if (gs.length === 0) return;
    const rows = document.createDocumentFragment();
    const children = gs.map(() => []);
    const roots = [];
    gs.forEach((g, i) => (g.parent < 0 ? roots : children[g.parent]).push(i));
    const add = i => {
      const g = gs[i];
      const b = document.createElement("button");
      b.className = "inst";
      b.id = "inst-" + g.key;
      b.style.marginLeft = (g.depth - 1) * 12 + "px";
      b.textContent = (g.collapsed ? "▸ " : "▾ ") + g.name;
      b.title = g.key + (g.collapsed ? ": collapsed, click to expand" : ": click to collapse");
      b.dataset.collapsed = g.collapsed;
      b.addEventListener("click", () => drawing.setCollapsed(i, !g.collapsed));
      rows.appendChild(b);
      if (!g.collapsed) children[i].forEach(add);
    };
    roots.forEach(add);
    instancesBox.replaceChildren(rows);
  }
  showInstances();

  // ---- clock, state and waveform (circuits with state) ------------------------------------------

  const WAVE_CYCLES = 32;
  // The waveform's rows: every port, then every state bit, each read from the settled cycle.
  const signals = [].concat(
      C.inputs.map((t, i) => ({ name: t.name, bus: t.bus, read: () => inputState[i] })),
      C.outputs.map(t => ({ name: t.name, bus: t.bus, read: v => terminalValue(t, v) })),
      ST.map(st => ({ name: st.path, bus: false, state: true, read: v => v[st.q] })));
  let history = [];   // the last cycles, oldest first: {cycle, xs (one per signal), osc}
  const stateViews = [];
  let stepButton = null;

  if (ST.length > 0) {
    const box = document.getElementById("clock");
    box.hidden = false;
    const bar = document.createElement("div");
    bar.className = "clockbar";
    bar.innerHTML = 'cycle <b id="cycle">0</b> <button id="step" title="Clock edge: every flip-flop takes its input;'
        + ' then the next cycle settles with the inputs set now">Step clock</button>'
        + ' <button id="reset" title="Every flip-flop and feedback wire back to its initial value, cycle 0">Reset</button>';
    box.appendChild(bar);
    const osc = document.createElement("div");
    osc.id = "osc";
    osc.hidden = true;
    box.appendChild(osc);
    const h = document.createElement("h2");
    h.textContent = "State";
    box.appendChild(h);
    ST.forEach((st, i) => {
      const row = document.createElement("div");
      row.className = "term";
      row.title = st.kind === "dff" ? "flip-flop" : "feedback wire";
      row.appendChild(document.createTextNode((st.kind === "dff" ? "▸ " : "↺ ") + st.path));
      const o = document.createElement("span");
      o.className = "out";
      o.id = "state-" + i;
      row.appendChild(o);
      box.appendChild(row);
      stateViews.push(o);
    });
    stepButton = document.getElementById("step");
    stepButton.addEventListener("click", () => {
      if (oscillating !== null) return;
      seqAt = null;
      clock(vals);
      cycle++;
      run();
    });
    document.getElementById("reset").addEventListener("click", () => { seqAt = null; restart(); run(); });
    document.getElementById("wave").hidden = false;
  }

  /** Cycle 0 again: initial state, an empty waveform. The inputs stay as they are set. */
  function restart() {
    resetNets(vals);
    cycle = 0;
    history = [];
  }

  /** The settled cycle into the waveform: a cycle settled again (an input changed) replaces its column. */
  function remember() {
    const h = { cycle: cycle, xs: signals.map(sg => sg.read(vals)), osc: oscillating !== null };
    if (history.length > 0 && history[history.length - 1].cycle === cycle) history[history.length - 1] = h;
    else history.push(h);
    if (history.length > WAVE_CYCLES) history.shift();
  }

  function showClock() {
    if (ST.length === 0) return;
    document.getElementById("cycle").textContent = String(cycle);
    stepButton.disabled = oscillating !== null;
    const osc = document.getElementById("osc");
    osc.hidden = oscillating === null;
    osc.textContent = oscillating === null ? "" : "Cycle " + cycle + ": " + oscillating
        + ". The values shown are where it was stopped; change an input or reset.";
    ST.forEach((st, i) => {
      stateViews[i].textContent = fmt(vals[st.q]);
      stateViews[i].classList.toggle("on", vals[st.q] === 1);
    });
    drawWave();
  }

  function el(name, attrs, parent) {
    const e = document.createElementNS(SVG, name);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }

  /** The strip: one column per remembered cycle; a bit as a line high or low, a bus as its values. */
  function drawWave() {
    const box = document.getElementById("wave-svg");
    while (box.firstChild) box.removeChild(box.firstChild);
    const LABEL = 130, COLW = 26, ROWH = 22, TOP = 16;
    const w = LABEL + WAVE_CYCLES * COLW + 4, hgt = TOP + signals.length * ROWH + 4;
    box.setAttribute("width", w);
    box.setAttribute("height", hgt);
    box.setAttribute("viewBox", "0 0 " + w + " " + hgt);
    history.forEach((hc, k) => {
      const x = LABEL + k * COLW;
      if (hc.osc) el("rect", { class: "osc", x: x, y: TOP - 2, width: COLW, height: signals.length * ROWH }, box);
      if (k === history.length - 1 || hc.cycle % 4 === 0) {
        const t = el("text", { x: x + COLW / 2, y: TOP - 5, "text-anchor": "middle", class: "cyc" + (k === history.length - 1 ? " now" : "") }, box);
        t.textContent = String(hc.cycle);
      }
    });
    signals.forEach((sg, j) => {
      const y0 = TOP + j * ROWH, hi = y0 + 4, lo = y0 + ROWH - 4;
      const t = el("text", { x: LABEL - 6, y: y0 + ROWH / 2 + 4, "text-anchor": "end", class: sg.state ? "sig state" : "sig" }, box);
      t.textContent = sg.name;
      el("line", { class: "base", x1: LABEL, y1: y0 + ROWH, x2: LABEL + WAVE_CYCLES * COLW, y2: y0 + ROWH }, box);
      if (history.length === 0) return;
      const xs = history.map(hc => hc.xs[j]);
      const bit = !sg.bus && xs.every(x => x === 0 || x === 1);
      if (bit) {
        let d = "";
        xs.forEach((x, k) => {
          const y = x === 1 ? hi : lo, x0 = LABEL + k * COLW;
          d += (k === 0 ? "M" + x0 + "," + y : " L" + x0 + "," + y) + " L" + (x0 + COLW) + "," + y;
        });
        el("path", { class: "wave bit", d: d }, box);
        return;
      }
      // Runs of equal values, each a box with its value written once.
      let k = 0;
      while (k < xs.length) {
        let e = k + 1;
        while (e < xs.length && xs[e] === xs[k]) e++;
        const a = LABEL + k * COLW, b = LABEL + e * COLW, m = (hi + lo) / 2;
        el("path", { class: "wave bus", d: "M" + a + "," + m + " L" + (a + 3) + "," + hi + " L" + (b - 3) + "," + hi + " L" + b + "," + m
            + " L" + (b - 3) + "," + lo + " L" + (a + 3) + "," + lo + " Z" }, box);
        const txt = el("text", { x: (a + b) / 2, y: m + 4, "text-anchor": "middle", class: "busval" }, box);
        txt.textContent = fmt(xs[k]);
        k = e;
      }
    });
  }

  // ---- tables --------------------------------------------------------------------------------------

  // Tables: one selectable at a time; rows are marked by the page's own evaluation of them. A
  // sequence table's rows are cycles: clicking row k runs rows 0..k from reset.
  const tablesBox = document.getElementById("tables");
  const rowViews = [];
  let shown = 0;
  let seqAt = null;   // {table, row}: the sequence row the page is at, until the clock or an input is touched
  if (C.tests.length === 0) tablesBox.innerHTML = '<p class="hint">This circuit has no test table in its file.</p>';
  else {
    const select = document.createElement("select");
    select.id = "table-select";
    C.tests.forEach((t, k) => {
      const o = document.createElement("option");
      o.value = k;
      o.textContent = "test " + C.name + (t.sequence ? " sequence" : "") + " (line " + t.line + ", " + t.rows.length + " rows)";
      select.appendChild(o);
    });
    select.addEventListener("change", () => showTable(Number(select.value)));
    tablesBox.appendChild(select);
    const runAll = document.createElement("button");
    runAll.id = "run";
    runAll.textContent = "Run from reset";
    runAll.title = "Every row a cycle, from the initial state; rows whose outputs differ are marked";
    runAll.addEventListener("click", () => runTo(shown, C.tests[shown].rows.length - 1));
    tablesBox.appendChild(runAll);
    const summary = document.createElement("div");
    summary.id = "summary";
    tablesBox.appendChild(summary);
    C.tests.forEach((t, k) => {
      const table = document.createElement("table");
      table.className = "truth";
      table.id = "table-" + k;
      let head = "<tr>";
      if (t.sequence) head += '<th title="cycle">#</th>';
      t.inCol.forEach(c => { head += "<th>" + C.inputs[c].name + "</th>"; });
      t.outCol.forEach((c, j) => { head += "<th" + (j === 0 ? ' class="sep"' : "") + ">" + C.outputs[c].name + "</th>"; });
      table.innerHTML = head + "<th></th></tr>";
      const verdicts = t.sequence ? sequenceVerdicts(t) : null;
      const views = t.rows.map((row, r) => {
        const tr = document.createElement("tr");
        const verdict = t.sequence ? verdicts[r].mark : rowVerdict(t, row);
        tr.className = "row " + verdict;
        tr.dataset.index = r;
        tr.title = "line " + row.line + (t.sequence ? (verdicts[r].why ? ": " + verdicts[r].why : "")
            : verdict === "fail" ? ": the circuit disagrees with this row"
            : verdict === "unchecked" ? ": X expands to too many rows to check here" : "");
        const cell = (c, sep) => "<td" + (sep ? ' class="sep"' : "") + ">" + (c === null ? "X" : c[1]) + "</td>";
        tr.innerHTML = (t.sequence ? '<td class="cyc">' + r + "</td>" : "")
            + row.in.map(c => cell(c, false)).join("") + row.out.map((c, j) => cell(c, j === 0)).join("") + '<td class="mark"></td>';
        tr.addEventListener("click", () => {
          if (t.sequence) { runTo(k, r); return; }
          rowState(t, row, inputState).forEach((x, i) => { inputState[i] = x; });
          update();
        });
        return tr;
      });
      views.forEach(v => table.appendChild(v));
      table.style.display = k === 0 ? "" : "none";
      table.dataset.failed = views.filter(v => v.classList.contains("fail")).length;
      tablesBox.appendChild(table);
      rowViews.push(views);
    });
    function showTable(k) {
      shown = k;
      C.tests.forEach((t, j) => { document.getElementById("table-" + j).style.display = j === k ? "" : "none"; });
      const failed = Number(document.getElementById("table-" + k).dataset.failed);
      const unchecked = rowViews[k].filter(v => v.classList.contains("unchecked")).length;
      summary.textContent = (failed === 0 ? "Every row checked here holds." : failed + " row" + (failed === 1 ? "" : "s") + " fail (marked ✗).")
          + (unchecked > 0 ? " " + unchecked + " not checked (?)." : "")
          + (C.tests[k].sequence ? " Click a row to run the cycles up to it." : "");
      runAll.hidden = !C.tests[k].sequence;
      markCurrent();
    }
    showTable(0);
  }

  /**
   * Runs a sequence table's rows 0..last as cycles from reset, as the simulator runs the table: each
   * row's inputs (X as 0) applied, settled, its outputs compared (marked "differs" when not equal),
   * then the clock edge, except after the last row, whose cycle stays shown. Stops at a loop that
   * oscillates.
   */
  function runTo(k, last) {
    const t = C.tests[k];
    restart();
    rowViews[k].forEach(v => { v.classList.remove("ran", "differs"); });
    let s = noInputs();
    let at = last;
    for (let r = 0; r <= last; r++) {
      const row = t.rows[r];
      s = rowState(t, row, s);
      s.forEach((x, i) => { inputState[i] = x; });
      oscillating = settle(inputState, vals, true);
      remember();
      let same = oscillating === null;
      for (let c = 0; same && c < t.outCol.length; c++) same = cellHolds(t, c, { row: row, v: vals });
      rowViews[k][r].classList.add("ran");
      rowViews[k][r].classList.toggle("differs", !same);
      if (oscillating !== null) { at = r; break; }
      if (r < last) { clock(vals); cycle++; }
    }
    seqAt = { table: k, row: at };
    show();
  }

  /** The current rows: the sequence row run to, or the rows whose written inputs are the inputs set now (X matches anything). */
  function markCurrent() {
    if (C.tests.length === 0) return;
    const t = C.tests[shown];
    t.rows.forEach((row, r) => {
      const cur = t.sequence ? seqAt !== null && seqAt.table === shown && seqAt.row === r : t.inCol.every((ti, c) => {
        const cell = row.in[c];
        if (cell === null) return true;
        return C.inputs[ti].bus ? bigOf(cell[0]) === inputState[ti] : Number(cell[0]) === inputState[ti];
      });
      rowViews[shown][r].classList.toggle("current", cur);
    });
  }

  /** Settles the cycle running now with the inputs set now, and shows it. */
  function run() {
    oscillating = settle(inputState, vals, true);
    remember();
    show();
  }

  function show() {
    showTerminals();
    showClock();
    showInfo();
    markCurrent();
    // Last: painting reads the drawing's size, which lays the page out; a change to the page after it
    // would be laid out again in the frame.
    paint();
  }

  /** An input changed by hand: the cycle running now settles again from where it is. */
  function update() {
    seqAt = null;
    run();
  }

  restart();
  run();
  requestAnimationFrame(() => setTimeout(() => { for (const c of laterChunks) c.classList.remove("later"); }, 0));
  window.circuitView = {
    evaluate: evaluate,
    data: C,
    drawn: drawing.drawn,
    pointOf: drawing.pointOf,
    pixels: drawing.pixels,
    near: drawing.near,
    edgeTitles: drawing.edgeTitles,
    /** The waveform's data, for tests: signal names, and per remembered cycle its number and values as text. */
    wave: () => ({ signals: signals.map(sg => sg.name), cycles: history.map(hc => ({ cycle: hc.cycle, xs: hc.xs.map(fmt), osc: hc.osc })) })
  };
});

// ---- the data as Page.java writes it ----------------------------------------------------------

/**
 * A column of whole numbers as Page.java writes it (Packed.java): its length, then numbers as they
 * are, and [d, c] for c numbers copied from d places back. A copy may overlap what it writes (d < c:
 * a run with period d), so it is copied in doubling pieces, each from what is already written.
 */
function unpack(list) {
  const out = new Int32Array(list[0]);
  let o = 0;
  for (let j = 1; j < list.length; j++) {
    const x = list[j];
    if (typeof x === "number") { out[o++] = x; continue; }
    const from = o - x[0];
    for (let left = x[1]; left > 0;) {
      const k = Math.min(left, o - from);
      out.copyWithin(o, from, from + k);
      o += k;
      left -= k;
    }
  }
  return out;
}

/** Running sums of a column: a[0] = 0, a[k + 1] = a[k] + d[k]. */
function sums(d) {
  const a = new Int32Array(d.length + 1);
  for (let k = 0; k < d.length; k++) a[k + 1] = a[k] + d[k];
  return a;
}

/**
 * The data as the rest of the page reads it: net names as a list (written as one text, names
 * apart by netSep); the packed columns as typed arrays; the cells' counts as where each cell's refs
 * start, and their long edges as numbers (written as differences).
 */
function unpackData(C) {
  C.nets = C.nets === "" ? [] : C.nets.split(C.netSep);
  const NS = C.neurons, L = C.layout;
  NS.kind = unpack(NS.kind); NS.out = unpack(NS.out); NS.in = unpack(NS.in);
  L.net = unpack(L.net); L.out = unpack(L.out);
  if (L.cells) {
    L.cells.at = sums(unpack(L.cells.count));
    L.cells.refs = unpack(L.cells.refs);
    L.cells.long = sums(unpack(L.cells.long)).subarray(1);
  }
  return C;
}
