import { parse, type ast, type Diagnostic } from 'ot-lang/tools';
import { readFrontMatter, type FrontMatterInfo } from './front-matter.js';
import { buildSymbolIndex, type SymbolIndex } from './symbols.js';

/** One version of an open document, parsed, with its names resolved. */
export interface DocumentAnalysis {
  path: string;
  version: number;
  text: string;
  ast: ast.TemplateNode;
  syntaxDiagnostics: Diagnostic[];
  frontMatter: FrontMatterInfo | null;
  symbols: SymbolIndex;
}

/** Parses a document and resolves its names; cheap enough to run for any request on a new version. */
export function analyzeDocument(text: string, path: string, version: number): DocumentAnalysis {
  const parsed = parse(text, { path });
  const frontMatter = readFrontMatter(parsed.ast.frontMatter);
  return {
    path,
    version,
    text,
    ast: parsed.ast,
    syntaxDiagnostics: parsed.diagnostics,
    frontMatter,
    symbols: buildSymbolIndex(parsed.ast, frontMatter),
  };
}
