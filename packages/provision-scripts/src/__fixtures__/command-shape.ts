import type { Node } from 'web-tree-sitter';
import { readVerbatimString } from './decode-literal';
import type { CommandCall } from './script-syntax';

/** The text a literal argument stands for: a single-quoted string decoded, anything else as written. */
function argumentValue(node: Node): string {
  const text = node.text;
  const literal = readVerbatimString(text);
  return literal && literal.end === text.length ? literal.value : text;
}

/**
 * A command's name, named parameters and positional arguments; also a `throw`/`exit`/`return`
 * statement, a .NET method call or an assignment, shaped the same way (see `commandCalls`).
 */
export function describeCommand(node: Node): Pick<CommandCall, 'name' | 'parameters' | 'positional'> {
  if (node.type === 'assignment_expression') {
    const value = node.childForFieldName('value');
    const target = node.namedChildren[0];
    return { name: '=', parameters: {}, positional: [target?.text ?? '', value ? argumentValue(value) : ''] };
  }
  if (node.type === 'invokation_expression') {
    const list = node.children.find((c) => c?.type === 'argument_list');
    const args = (list?.childForFieldName('argument_expression_list')?.namedChildren ?? []).filter(
      (a): a is Node => a?.type === 'argument_expression',
    );
    return {
      name: node.text.slice(0, (list?.startIndex ?? node.endIndex) - node.startIndex),
      parameters: {},
      positional: args.map(argumentValue),
    };
  }
  if (node.type === 'flow_control_statement') {
    const [keyword, ...operand] =
      node.namedChildren.length > 0 ? [node.children[0], ...node.namedChildren] : [node.children[0]];
    return {
      name: keyword?.text ?? '',
      parameters: {},
      positional: operand.filter((n): n is Node => n !== null).map(argumentValue),
    };
  }
  const nameNode = node.childForFieldName('command_name');
  const invoked = node.children.some((child) => child?.type === 'command_invokation_operator');
  const name = `${invoked ? '& ' : ''}${nameNode?.text ?? ''}`;
  const parameters: Record<string, string | true> = {};
  const positional: string[] = [];
  const elements = (node.childForFieldName('command_elements')?.namedChildren ?? []).filter(
    (child): child is Node => child !== null && child.type !== 'command_argument_sep',
  );
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index] as Node;
    if (element.type === 'command_parameter') {
      const next = elements[index + 1];
      const key = element.text.replace(/^-/, '');
      if (next && next.type !== 'command_parameter') {
        parameters[key] = argumentValue(next);
        index++;
      } else parameters[key] = true;
    } else positional.push(argumentValue(element));
  }
  return { name, parameters, positional };
}
