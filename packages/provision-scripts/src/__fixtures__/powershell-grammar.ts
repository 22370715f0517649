import { createRequire } from 'node:module';
import { Language, type Node, Parser, type Tree } from 'web-tree-sitter';

const require = createRequire(import.meta.url);
let ready: Promise<Parser> | undefined;

/** tree-sitter-powershell's prebuilt grammar (from its npm package) in web-tree-sitter. */
export function powerShellParser(): Promise<Parser> {
  ready ??= (async () => {
    await Parser.init();
    const language = await Language.load(
      require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'),
    );
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return ready;
}

/** Parses PowerShell source; throws when tree-sitter returns no tree. */
export async function parsePowerShell(source: string): Promise<Tree> {
  const tree = (await powerShellParser()).parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}

/** Every ERROR or MISSING node, as `line:column: text`, empty when the source parses cleanly. */
export function syntaxErrors(tree: Tree): string[] {
  const errors: string[] = [];
  const visit = (node: Node) => {
    if (node.isError || node.isMissing) {
      const { row, column } = node.startPosition;
      errors.push(
        `${row + 1}:${column + 1}: ${node.isMissing ? `missing ${node.type}` : node.text.slice(0, 80)}`,
      );
    }
    for (const child of node.children) if (child) visit(child);
  };
  visit(tree.rootNode);
  return errors;
}

/** All nodes of the given type, in source order. */
export function nodesOfType(tree: Tree, type: string): Node[] {
  return tree.rootNode.descendantsOfType(type).filter((node): node is Node => node !== null);
}
