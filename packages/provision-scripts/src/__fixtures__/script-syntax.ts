import type { Node } from 'web-tree-sitter';
import { describeCommand } from './command-shape';
import { parsePowerShell } from './powershell-grammar';

/** A branch or loop a command runs under, innermost last. */
export interface Condition {
  /** `if`, `elseif`, `else` (of the `if` whose condition is `text`), `foreach`, `try`, `catch`. */
  kind: 'if' | 'elseif' | 'else' | 'foreach' | 'try' | 'catch';
  /** The condition or loop header as written (empty for try and catch). */
  text: string;
  /** The commands and method calls the condition itself runs (`Get-Service` in `if ($null -eq (Get-Service …))`). */
  commands: CommandCall[];
}

/** One command invocation in the script, with where and under what it runs. */
export interface CommandCall {
  /** `Get-Service`; for `& $x` the invoked expression, `& $x`. */
  name: string;
  /** Named parameters: a single-quoted literal decoded, any other value as written, a switch as `true`. */
  parameters: Record<string, string | true>;
  /** Arguments without a parameter name, decoded the same way. */
  positional: string[];
  /** The step whose `Invoke-WinguestStep -Body` runs it, if any. */
  step: string | undefined;
  /** The function that contains it, if any. */
  function: string | undefined;
  /** The branches and loops around it inside its function or step body, outermost first. */
  conditions: Condition[];
  /** Source offset: calls compare in the order they are written. */
  offset: number;
}

/**
 * Every command the script runs, in source order, read from tree-sitter-powershell's syntax tree.
 * Also listed as calls: `throw`, `exit`, `return` statements (named so, the operand positional),
 * .NET method calls (named as written, `[System.IO.File]::WriteAllText`, arguments positional) and
 * assignments (named `=`, positional `[target, value]`).
 */
export async function commandCalls(script: string): Promise<CommandCall[]> {
  const tree = await parsePowerShell(script);
  return tree.rootNode
    .descendantsOfType([
      'command',
      'flow_control_statement',
      'invokation_expression',
      'assignment_expression',
    ])
    .filter((node): node is Node => node !== null)
    .map((node) => ({ ...describeCommand(node), ...placeOf(node) }))
    .sort((a, b) => a.offset - b.offset);
}

/** The calls of `name` (optionally only inside `where`), failing loudly when there is none. */
export function callsOf(calls: CommandCall[], name: string, where: Partial<CommandCall> = {}): CommandCall[] {
  const found = calls.filter(
    (call) =>
      call.name === name &&
      (where.step === undefined || call.step === where.step) &&
      (where.function === undefined || call.function === where.function),
  );
  if (found.length === 0) throw new Error(`no call of ${name} in ${JSON.stringify(where)}`);
  return found;
}

function placeOf(node: Node): Pick<CommandCall, 'step' | 'function' | 'conditions' | 'offset'> {
  const conditions: Condition[] = [];
  let step: string | undefined;
  let fn: string | undefined;
  let child: Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'function_statement') {
      fn ??= parent.children.find((c) => c?.type === 'function_name')?.text;
      break;
    }
    if (parent.type === 'command' && step === undefined) {
      const call = describeCommand(parent);
      if (call.name === 'Invoke-WinguestStep' && typeof call.parameters.Name === 'string') {
        step = call.parameters.Name;
        break;
      }
    }
    const condition = conditionOf(parent, child);
    if (condition) conditions.unshift(condition);
  }
  return { step, function: fn, conditions, offset: node.startIndex };
}

function conditionOf(parent: Node, child: Node): Condition | undefined {
  const commandsIn = (node: Node | null): CommandCall[] =>
    (node?.descendantsOfType(['command', 'invokation_expression']) ?? [])
      .filter((c): c is Node => c !== null)
      .map((c) => ({
        ...describeCommand(c),
        step: undefined,
        function: undefined,
        conditions: [],
        offset: c.startIndex,
      }));
  const guard = (kind: Condition['kind'], condition: Node | null): Condition => ({
    kind,
    text: condition?.text ?? '',
    commands: commandsIn(condition),
  });
  if (parent.type === 'if_statement' && child.type === 'statement_block') {
    return guard('if', parent.childForFieldName('condition'));
  }
  if (parent.type === 'else_clause') {
    return guard('else', parent.parent?.childForFieldName('condition') ?? null);
  }
  if (parent.type === 'elseif_clause' && child.type === 'statement_block') {
    return guard('elseif', parent.childForFieldName('condition'));
  }
  if (parent.type === 'foreach_statement' && child.type === 'statement_block') {
    const header = parent.namedChildren.filter((c): c is Node => c !== null && c.type !== 'statement_block');
    return {
      kind: 'foreach',
      text: header.map((c) => c.text).join(' in '),
      commands: header.flatMap(commandsIn),
    };
  }
  if (parent.type === 'try_statement' && child.type === 'statement_block') return guard('try', null);
  if (parent.type === 'catch_clause') return guard('catch', null);
  return undefined;
}
