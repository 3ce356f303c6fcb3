import type { FrameworkNode } from './generated/framework.js';
import type { Unit } from './generated/units.js';
import type { VolumeFile } from './generated/volume.js';
import type { ResolvedStyle } from '../lint/style-config.js';

export type { FrameworkNode, Unit, VolumeFile };

/** A framework node with what its position in the tree implies. */
export interface PlacedNode {
  node: FrameworkNode;
  /** 0 for the top level (类目/篇). */
  depth: number;
  /** Titles from the top level down to this node. */
  titles: string[];
  /** Id of the top-level ancestor (the 类目 or 篇). */
  categoryId: string;
  /** Position in framework (reading) order. */
  order: number;
  isLeaf: boolean;
  /** Path of the node inside framework.yaml, for positions. */
  yamlPath: (string | number)[];
}

/** What every chapter of a volume is checked against; small and serialisable (sent to worker threads). */
export interface VolumeContext {
  kind: 'yearbook' | 'gazetteer';
  levelCount: number;
  recordYears: { from: number; to: number };
  style: ResolvedStyle;
  /** Framework titles of each node id, top down. */
  nodeTitles: Record<string, string[]>;
}

export interface Volume {
  dir: string;
  config: VolumeFile;
  units: Map<string, Unit>;
  nodes: Map<string, PlacedNode>;
  /** Assigned (leaf) nodes in framework order. */
  leaves: PlacedNode[];
  context: VolumeContext;
}

/** Flattens the framework tree in reading order. */
export function placeNodes(roots: FrameworkNode[]): PlacedNode[] {
  const placed: PlacedNode[] = [];
  const walk = (nodes: FrameworkNode[], depth: number, titles: string[], categoryId: string | undefined, yamlPath: (string | number)[]) => {
    nodes.forEach((node, index) => {
      const path = [...yamlPath, index];
      const entry: PlacedNode = {
        node,
        depth,
        titles: [...titles, node.title],
        categoryId: categoryId ?? node.id,
        order: placed.length,
        isLeaf: !node.children?.length,
        yamlPath: path,
      };
      placed.push(entry);
      if (node.children?.length) walk(node.children, depth + 1, entry.titles, entry.categoryId, [...path, 'children']);
    });
  };
  walk(roots, 0, [], undefined, ['nodes']);
  return placed;
}
