import type { CheckDefinition } from './check.ts';
import { firstValue, parseKeyValues } from './key-values.ts';

const windowsScript = `'timeZone=' + (Get-TimeZone).Id
'uiLanguage=' + (Get-UICulture).Name
'userLocale=' + (Get-Culture).Name
'systemLocale=' + (Get-WinSystemLocale).Name`;

/** The time zone and (on Windows) the UI language and locales are the configured ones. */
export const timeZoneLocaleCheck: CheckDefinition = {
  id: 'time-zone-locale',
  title: 'time zone and locale match the config',
  script: {
    windows: () => windowsScript,
    // A busybox guest has a time zone (TZ, default UTC) but no locales; only the zone is compared.
    standin: () => 'echo "timeZone=$(date +%Z)"',
  },
  evaluate(output, { scenario }) {
    const values = parseKeyValues(output);
    const { timeZone, locale } = scenario.expect;
    const wanted: Array<[string, string]> = [['timeZone', timeZone]];
    if (scenario.guest === 'windows') {
      wanted.push(['uiLanguage', locale], ['userLocale', locale], ['systemLocale', locale]);
    }
    const wrong = wanted.filter(
      ([key, value]) => firstValue(values, key)?.toLowerCase() !== value.toLowerCase(),
    );
    const found = wanted.map(([key]) => `${key} ${firstValue(values, key) ?? '(none)'}`).join(', ');
    return {
      passed: wrong.length === 0,
      detail:
        wrong.length === 0 ? found : `${found}; expected ${wrong.map(([k, v]) => `${k} ${v}`).join(', ')}`,
    };
  },
};
