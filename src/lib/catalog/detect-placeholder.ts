// Templates mark the slot to fill in with brackets or template syntax: <table>, {id}, [Name], ${TABLE}, %TABLE%.
const WRAPPED = /^(<[^<>]*>|\{\{?[^{}]*\}?\}|\[[^[\]]*\]|\$\{[^{}]*\}|\$[A-Z_]+|%[^%]+%)$/;

// Whole-value filler words and marks.
const FILLER =
  /^(todo|tbd|tbc|fixme|changeme|replaceme|placeholder|n\/?a|none|null|undefined|foo|bar|baz|x+|\?+|\.{2,}|…|-+)$/i;

// Markers that make any value unfinished wherever they appear, such as `TODO: pick table` or `Device_TBD`.
// Letters, not \b, delimit the word because `_` counts as a word character.
const MARKER = /(^|[^a-z])(todo|tbd|fixme)([^a-z]|$)|xxx/i;

// Template-speak: "YourConnectorId", "your_table_here", "InsertTableName", "ExampleTable".
// Case matters here so that real words merely starting alike (`Enterprise…`) are not caught.
const TEMPLATE_WORDING =
  /^([Yy]our|[Ii]nsert|[Ee]nter|[Rr]eplace)(?=[A-Z0-9_-]|$)|^([Ee]xample|[Ss]ample|[Dd]ummy)(?=[A-Z]|$)|[a-z]Here$/;
const TEMPLATE_WORDING_SPACED = /^(your|insert|enter|replace)[-_ ]|[-_ ]here$/i;

// Generic nouns that name the slot rather than fill it: "ConnectorName", "TableName", "connector-id", "DataType".
const SLOT_NOUN =
  /^((the|a|my|new)[-_ ]?)?(data[-_ ]?)?(connector|table|type|source|log|product|vendor)s?([-_ ]?(name|id|identifier)s?)?$|^(name|id|identifier)s?$/i;

/**
 * True when a table name or connector id is an unfilled template slot rather than a real name:
 * `YourConnectorId`, `<table>`, `TODO`, `TBD`, `xxx`, `ConnectorName`, `TableName`.
 * Callers use this to say "fill this in" instead of suggesting look-alike names.
 */
export function isPlaceholderName(name: string): boolean {
  const value = name.trim();
  if (value === '') return true;
  if (WRAPPED.test(value) || FILLER.test(value) || MARKER.test(value)) return true;
  if (TEMPLATE_WORDING.test(value) || TEMPLATE_WORDING_SPACED.test(value)) return true;
  return SLOT_NOUN.test(value);
}
