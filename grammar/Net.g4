// The .net language: neurons, circuits, tests and checks.
// docs/LANGUAGE.md is the reference; this file is the exact syntax.
//
// Statements end at a newline. The lexer emits NL tokens and dev.circuit.syntax.StatementTerminator
// turns a newline into ';' when the line could end there (after a name, a number, a string, or a
// closing ')', ']', '}') and no '(' or '[' is open, the rule Go uses. So a line that ends with an
// operator or a comma continues on the next line, and ';' may also be written explicitly.
grammar Net;

file
    : sep* (decl (sep+ decl)*)? sep* EOF
    ;

sep : ';' ;

// Entry point for a circuit named on the command line: --top adder_n<16>
topRef : circuitRef sep? EOF ;

decl
    : 'import' STRING                                                     # importDecl
    | 'neuron' name=ID '(' idList? ')' '=' expr                           # neuronDecl
    | 'circuit' name=ID typeParams? '(' ins=portList? ')' '->' outs=outPorts block # circuitDecl
    | 'test' circuitRef (kind=ID)? ('within' tol=signedNumber)? '{' sep* (row (sep+ row)*)? sep* '}' # testDecl
    | 'check' circuitRef ('for' cycles=arith unit=ID)? ':' expr            # checkDecl
    ;

idList     : ID (',' ID)* ;
typeParams : '<' ID (',' ID)* '>' ;
portList   : port (',' port)* ;
outPorts   : port | '(' portList? ')' ;
port       : ID ('[' arith ']')? ;

circuitRef : ID ('<' arith (',' arith)* '>')? ;

block : '{' sep* (stmt (sep+ stmt)*)? sep* '}' ;

stmt
    : 'wire' wire (',' wire)*                                             # wireStmt
    | 'feedback' feedbackWire (',' feedbackWire)*                         # feedbackStmt
    | targets '=' expr                                                    # assignStmt
    | 'for' ID 'in' from=arith '..' to=arith block                        # forStmt
    ;

wire    : ID ('[' arith ']')? ;
// A wire whose loop is meant (an SR latch): its value before the first cycle, 0 when not written.
feedbackWire : ID ('[' arith ']')? ('=' signedNumber)? ;
targets : target | '(' target (',' target)* ')' ;
target  : ID selector? ;
selector: '[' arith ('..' arith)? ']' ;

// `test counter sequence { ... }`: the rows are successive clock cycles (the word is checked by the
// AST builder, so `sequence` stays usable as a name). `check c for 8 cycles: ...` likewise.
// Table rows: the first row of a test is its header (input names | output names).
row  : cell* '|' cell* ;
cell : signedNumber | ID ;
signedNumber : '-'? NUMBER ;

// Integer expressions: bus widths, indices, loop bounds and circuit parameters.
arith
    : '(' arith ')'                                # arithParen
    | '-' arith                                    # arithNeg
    | arith op=('*' | '/' | '%') arith             # arithBin
    | arith op=('+' | '-') arith                   # arithBin
    | NUMBER                                       # arithNum
    | ID                                           # arithVar
    ;

// Expressions: neuron arguments (weighted sums), instance calls and check properties.
// Precedence as in Rust and Python, not C: the bitwise operators bind tighter than comparisons, so
// `y == a & b` is `y == (a & b)`. Comparisons share one level and do not chain (`a < b < c` is
// reported by the AST builder, with the parentheses to write instead).
expr
    : primary                                                  # primaryExpr
    | op=('-' | '+' | '~') expr                                # unaryExpr
    | expr op=('*' | '/' | '%') expr                           # binaryExpr
    | expr op=('+' | '-') expr                                 # binaryExpr
    | expr op=('<<' | '>>') expr                               # binaryExpr
    | expr op='&' expr                                         # binaryExpr
    | expr op='^' expr                                         # binaryExpr
    | expr op='|' expr                                         # binaryExpr
    | expr op=('<' | '<=' | '>' | '>=' | '==' | '!=') expr     # binaryExpr
    | <assoc=right> expr '?' expr ':' expr                     # ternaryExpr
    ;

primary
    : '(' expr ')'                                             # parenPrimary
    | ID ('<' arith (',' arith)* '>')? '(' (expr (',' expr)*)? ')' # callPrimary
    | ('?' | LEARNABLE)                                        # learnablePrimary
    | NUMBER                                                   # numberPrimary
    | ID selector?                                             # refPrimary
    | '{' expr (',' expr)* '}'                                 # concatPrimary
    ;

// Lexer

NUMBER
    : DIGITS ('.' DIGITS)? ([eE] [+-]? DIGITS)?
    | '0' [xX] [0-9a-fA-F_]+
    | '0' [bB] [01_]+
    ;
// A learnable coefficient with its starting value, written without spaces: ?0.5, ?-3, ?1e-3.
// Plain '?' is its own token (a learnable with a random start, or the ternary operator).
LEARNABLE : '?' '-'? DIGITS ('.' DIGITS)? ([eE] [+-]? DIGITS)? ;
ID      : [A-Za-z_] [A-Za-z0-9_]* ;
STRING  : '"' (~["\\\r\n] | '\\' .)* '"' ;
// A string with no closing quote on its line: its own token so the message can say so.
BAD_STRING : '"' (~["\\\r\n] | '\\' .)* ;
// Comments go to the hidden channel: the parser never sees them, the printer (circuit fmt) keeps them.
COMMENT : ('#' | '//') ~[\r\n]* -> channel(HIDDEN) ;
NL      : '\r'? '\n' | '\r' ;
WS      : [ \t\f\u00A0\uFEFF]+ -> skip ;
// Anything else becomes one token that no rule accepts, so the parser reports it with a position.
ERRCHAR : . ;

fragment DIGITS : [0-9]+ ;
