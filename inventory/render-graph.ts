// Text renderings of the dependency graph (or of a neighbourhood of one node): JSON for tools,
// Graphviz DOT, and Mermaid for pull requests and docs. Pure functions, deterministic order.
import type { EdgeAttributes, InventoryGraph, NodeAttributes } from "./graph.js";

export type GraphFormat = "json" | "dot" | "mermaid";

/** A subgraph as sorted plain lists. */
export interface GraphView {
  readonly nodes: { id: string; attributes: NodeAttributes }[];
  readonly edges: { source: string; target: string; attributes: EdgeAttributes }[];
}

/**
 * The nodes within `depth` steps of `focus` (edges followed both ways) and the edges among them;
 * the whole graph without a focus. Throws RangeError for an unknown focus.
 */
export function graphView(graph: InventoryGraph, focus?: string, depth = 2): GraphView {
  let keep: Set<string>;
  if (focus === undefined) keep = new Set(graph.nodes());
  else {
    if (!graph.hasNode(focus)) throw new RangeError(`unknown id "${focus}"`);
    keep = new Set([focus]);
    let frontier = [focus];
    for (let d = 0; d < depth && frontier.length > 0; d++) {
      const next: string[] = [];
      for (const n of frontier) {
        graph.forEachNeighbor(n, (m) => {
          if (!keep.has(m)) {
            keep.add(m);
            next.push(m);
          }
        });
      }
      frontier = next;
    }
  }
  const nodes = [...keep].sort().map((id) => ({ id, attributes: graph.getNodeAttributes(id) }));
  const edges: GraphView["edges"] = [];
  graph.forEachEdge((_k, attributes, source, target) => {
    if (keep.has(source) && keep.has(target)) edges.push({ source, target, attributes });
  });
  edges.sort((a, b) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target) || a.attributes.kind.localeCompare(b.attributes.kind));
  return { nodes, edges };
}

function portLabel(attrs: EdgeAttributes): string {
  const ports = (attrs.ports ?? []).map((p) => `${p.port}/${p.protocol}`).join(", ");
  return [attrs.coupling, ports].filter(Boolean).join(" ");
}

/** JSON: `{ nodes: [{ id, kind, … }], edges: [{ source, target, kind, … }] }`, 2-space indented. */
export function toJson(view: GraphView): string {
  const nodes = view.nodes.map((n) => ({ id: n.id, ...n.attributes }));
  const edges = view.edges.map((e) => ({ source: e.source, target: e.target, ...e.attributes }));
  return `${JSON.stringify({ nodes, edges }, null, 2)}\n`;
}

const DOT_SHAPE: Record<string, string> = { site: "house", agency: "note", server: "box3d", system: "box", external: "hexagon" };

function dotString(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** Graphviz DOT. */
export function toDot(view: GraphView): string {
  const lines = ["digraph dcplan {", "  rankdir=LR;", '  node [fontname="Helvetica"];'];
  for (const n of view.nodes) {
    const label = n.attributes.name ? `${n.attributes.name}\\n(${n.id})` : n.id;
    lines.push(`  ${dotString(n.id)} [shape=${DOT_SHAPE[n.attributes.kind] ?? "box"}, label=${dotString(label).replace(/\\\\n/g, "\\n")}];`);
  }
  for (const e of view.edges) {
    const style = e.attributes.kind === "depends-on" ? (e.attributes.coupling === "tight" ? "bold" : "dashed") : "solid";
    const label = e.attributes.kind === "depends-on" ? portLabel(e.attributes) : e.attributes.kind;
    lines.push(`  ${dotString(e.source)} -> ${dotString(e.target)} [label=${dotString(label)}, style=${style}];`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

/** Mermaid node id: ids are DNS labels; `-` is replaced so keywords like `end` never collide. */
export function mermaidId(id: string): string {
  return `n_${id.replace(/-/g, "_")}`;
}

/** Text safe inside a quoted Mermaid label. */
export function mermaidText(s: string): string {
  return s.replace(/"/g, "#quot;").replace(/[<>]/g, (c) => (c === "<" ? "#lt;" : "#gt;")).replace(/\n/g, " ");
}

const MERMAID_SHAPE: Record<string, [string, string]> = {
  site: ["[(", ")]"],
  agency: ["([", "])"],
  server: ["[/", "/]"],
  system: ["[", "]"],
  external: ["{{", "}}"],
};

/** Mermaid flowchart: tight dependencies thick, loose dotted, structural edges plain. */
export function toMermaid(view: GraphView): string {
  const lines = ["flowchart LR"];
  for (const n of view.nodes) {
    const [open, close] = MERMAID_SHAPE[n.attributes.kind] ?? ["[", "]"];
    const label = n.attributes.name ? `${n.attributes.name} (${n.id})` : n.id;
    lines.push(`  ${mermaidId(n.id)}${open}"${mermaidText(label)}"${close}`);
  }
  for (const e of view.edges) {
    const s = mermaidId(e.source);
    const t = mermaidId(e.target);
    if (e.attributes.kind === "depends-on") {
      const label = mermaidText(portLabel(e.attributes));
      lines.push(e.attributes.coupling === "tight" ? `  ${s} ==>|"${label}"| ${t}` : `  ${s} -.->|"${label}"| ${t}`);
    } else lines.push(`  ${s} -->|${e.attributes.kind}| ${t}`);
  }
  const classes: Record<string, string> = { system: "fill:#e8f0fe,stroke:#1a56b0", server: "fill:#f4f4f4,stroke:#555", external: "fill:#fff4e0,stroke:#a35b00", site: "fill:#e6f4ea,stroke:#1e7b34", agency: "fill:#fdf0f6,stroke:#8a2c5b" };
  for (const [kind, style] of Object.entries(classes)) {
    const ids = view.nodes.filter((n) => n.attributes.kind === kind).map((n) => mermaidId(n.id));
    if (ids.length > 0) {
      lines.push(`  classDef ${kind} ${style}`);
      lines.push(`  class ${ids.join(",")} ${kind}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Renders a view in `format`. */
export function renderGraph(view: GraphView, format: GraphFormat): string {
  return format === "json" ? toJson(view) : format === "dot" ? toDot(view) : toMermaid(view);
}
