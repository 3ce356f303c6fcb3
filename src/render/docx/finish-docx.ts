import JSZip from 'jszip';
import { escapeXml } from './pandoc-markdown.js';

/**
 * Touches up pandoc's DOCX: pandoc keeps only some settings of the reference document and drops
 * w:updateFields, which makes Word refresh the TOC field (page numbers) when the file is opened; and it
 * leaves the document title empty unless it also prints a title block, which the title page replaces.
 * JSZip writes the entries it was not asked to change as they were, still compressed: a whole volume
 * holds megabytes of XML and pictures that need not be unpacked and packed again.
 */
export async function finishDocx(docx: Uint8Array, title: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const edit = async (path: string, change: (xml: string) => string) => {
    const entry = zip.file(path);
    if (entry) zip.file(path, change(await entry.async('string')));
  };
  // Schema order puts updateFields before the math properties and the theme language.
  await edit('word/settings.xml', (xml) => (xml.includes('<w:updateFields') ? xml : xml.replace(/<m:mathPr|<w:themeFontLang|<w:decimalSymbol|<\/w:settings>/, '<w:updateFields w:val="true"/>$&')));
  await edit('docProps/core.xml', (xml) => xml.replace(/<dc:title\s*\/>|<dc:title>[\s\S]*?<\/dc:title>|(?=<\/cp:coreProperties>)/, `<dc:title>${escapeXml(title)}</dc:title>`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
