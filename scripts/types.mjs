#!/usr/bin/env node
// Part of `npm run build`: writes dist/samtykke.d.ts, the public API's types in one file, cut
// from the source itself: every type src/entries/index.ts exports, as declared (with its doc comment),
// plus `samtykke` and the `window` properties. Internal modules stay out of the package; a
// public type that mentions an internal one fails the bundler example's strict typecheck.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { DIST, TYPES } from './built-files.mjs';

const root = new URL('../', import.meta.url);
const ENTRY = fileURLToPath(new URL('src/entries/index.ts', root));

/** The declaration text, leading doc comment included, as written in the source. */
const text = (node) => node.getFullText().replace(/^\s*\n/, '').trimEnd();

export function publicTypes() {
  const program = ts.createProgram([ENTRY], { strict: true, noEmit: true, jsx: ts.JsxEmit.ReactJSX, jsxImportSource: 'preact', skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  const entry = program.getSourceFile(ENTRY);
  const parts = [];
  for (const symbol of checker.getExportsOfModule(checker.getSymbolAtLocation(entry))) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    for (const decl of target.declarations ?? []) {
      if (ts.isTypeAliasDeclaration(decl) && /\btypeof\b/.test(decl.type.getText())) {
        // Derived from a value (e.g. Purpose from the purposes table), which stays internal: the
        // package gets the type it resolves to, written out.
        const doc = ts.getJSDocCommentsAndTags(decl).map((d) => d.getFullText().trim()).join('\n');
        const resolved = checker.typeToString(checker.getTypeAtLocation(decl), undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.InTypeAlias);
        parts.push(`${doc ? doc + '\n' : ''}export type ${decl.name.getText()} = ${resolved};`);
      } else if (ts.isInterfaceDeclaration(decl) || ts.isTypeAliasDeclaration(decl)) parts.push(text(decl));
      else if (ts.isVariableDeclaration(decl)) {
        const statement = decl.parent.parent;
        const doc = ts.getJSDocCommentsAndTags(statement).map((d) => d.getFullText().trim()).join('\n');
        parts.push(`${doc}\nexport declare const ${decl.name.getText()}: ${decl.type.getText()};`);
      }
    }
  }
  entry.forEachChild((node) => {
    if (ts.isModuleDeclaration(node) && node.name.getText() === 'global') parts.push(text(node));
  });
  return `// samtykke's public types, generated from src/ by scripts/types.mjs at build time.\n\n${parts.join('\n\n')}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  mkdirSync(new URL(DIST, root), { recursive: true });
  writeFileSync(new URL(TYPES, root), publicTypes());
  console.log(`${TYPES} written.`);
}
