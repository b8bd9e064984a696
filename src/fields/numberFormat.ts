// Building an Intl.NumberFormat takes far longer than formatting with one, and
// the grid formats every number, amount and percent of a sheet on the first
// search, so formatters are built once per locale and options and reused.

const formatters = new Map<string, Intl.NumberFormat>();

/** Returns an Intl.NumberFormat for `locale` and `options`, reusing one built earlier with the same arguments. */
export function numberFormatter(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}
