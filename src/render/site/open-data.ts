import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OpenDataEntry, OpenDataVolume } from '../../model/generated/open-data.js';
import { projectRoot } from '../../project-root.js';
import type { Artifact } from '../output-format.js';
import type { VolumePlan } from './site-plan.js';
import { chapterItems, dateMentions } from './site-text.js';
import type { SiteUrls } from './site-urls.js';

const DATA_DIR = 'data';
export const openDataPath = (volumeId: string) => `${DATA_DIR}/${volumeId}.json`;
export const OPEN_DATA_SCHEMA_PATH = `${DATA_DIR}/open-data.schema.json`;

/**
 * The open-data export of a volume: every published 条目 (and every 大事记 item) with its place in the
 * framework, plain text, the dates it mentions and the unit that supplied it. Built from the same
 * published sections as the pages, so it can hold nothing the pages do not show. Writers' contact
 * details are not part of the model and cannot appear here.
 */
export function openDataArtifact(plan: VolumePlan, urls: SiteUrls): Artifact {
  const { assembled, chronicleTitles } = plan.volume;
  const link = (path: string) => urls.absolute(path) ?? urls.href(path);
  const period = assembled.recordPeriod;
  const singleYear = period.from.slice(0, 4) === period.to.slice(0, 4) ? Number(period.from.slice(0, 4)) : undefined;
  const entries: OpenDataEntry[] = [];
  for (const page of plan.content) {
    const leaf = page.leaf!;
    const path = page.leaf === page.section ? [...page.ancestors, leaf] : [...page.ancestors, page.section, leaf];
    const chronicle = path.some((section) => chronicleTitles.includes(section.title));
    for (const item of chapterItems(leaf, chronicle)) {
      const pad = (value: number) => String(value).padStart(2, '0');
      const itemDate = singleYear && item.month && item.day ? [{ text: item.title, date: `${singleYear}-${pad(item.month)}-${pad(item.day)}` }] : [];
      entries.push({
        id: `${assembled.id}/${item.id}`,
        volume: assembled.id,
        kind: item.kind,
        nodePath: path.map((section) => section.title),
        nodeIds: path.map((section) => section.id),
        title: item.title,
        text: item.text,
        dates: [...itemDate, ...dateMentions(item.text, singleYear)],
        unit: { id: leaf.chapter!.unitId, name: leaf.chapter!.unitName },
        url: link(`${page.url}${item.anchor ? `#${item.anchor}` : ''}`),
      });
    }
  }
  const data: OpenDataVolume = {
    schemaVersion: 1,
    volume: {
      id: assembled.id,
      title: assembled.title,
      kind: assembled.kind,
      region: assembled.region,
      ...(plan.volume.year && assembled.kind === 'yearbook' ? { volumeYear: plan.volume.year } : {}),
      recordPeriod: period,
      ...(assembled.publisher ? { publisher: assembled.publisher } : {}),
      url: link(plan.url),
    },
    entries,
  };
  return { path: openDataPath(assembled.id), data: `${JSON.stringify(data, null, 1)}\n` };
}

/** The JSON Schema of the export, published beside the data. */
export async function openDataSchemaArtifact(): Promise<Artifact> {
  return { path: OPEN_DATA_SCHEMA_PATH, data: await readFile(join(projectRoot, 'schemas', 'open-data.schema.json')) };
}
