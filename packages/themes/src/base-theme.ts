/**
 * A prebuilt appearance: variables and element overrides that `appearance.baseTheme` applies before the
 * app's own. Kept structural (plain strings and style records) so this package needs nothing from React.
 */
export interface BaseTheme {
  __type: 'prebuilt_appearance';
  name: string;
  variables: Record<string, string | undefined>;
  elements: Record<string, string | Record<string, string | number>>;
}
