import { writeCompiledWordLists } from '../lint/word-list.js';

// Build step (scripts/build.mjs): compiles the YAML word lists to dist/lint/wordlists.json.
writeCompiledWordLists();
