/**
 * The parts of mvdan-sh (the GopherJS build of mvdan.cc/sh/v3/syntax) the command model uses.
 * Nodes are Go structs; `syntax.NodeType(node)` names their type. Offsets are UTF-8 bytes.
 */
declare module 'mvdan-sh' {
  export interface Pos {
    Offset(): number;
    IsValid(): boolean;
  }
  /** Any syntax node: the fields present depend on its type. */
  export interface Node {
    Pos(): Pos;
    End(): Pos;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- fields depend on the node type
    [field: string]: any;
  }
  export interface ParseError {
    Error(): string;
  }
  export interface Parser {
    Parse(src: string, name: string): Node;
  }
  export type ParserOption = { readonly __parserOption: unique symbol };
  export interface Syntax {
    NewParser(...options: ParserOption[]): Parser;
    KeepComments(keep: boolean): ParserOption;
    Variant(lang: unknown): ParserOption;
    LangBash: unknown;
    NodeType(node: Node): string;
    IsIncomplete(err: unknown): boolean;
    /** Visits every node depth-first; returning false skips the children. */
    Walk(node: Node, visit: (node: Node | null) => boolean): void;
  }
  const sh: { syntax: Syntax };
  export default sh;
}
