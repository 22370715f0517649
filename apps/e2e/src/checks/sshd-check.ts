import type { CheckDefinition } from './check.ts';
import { firstValue, parseKeyValues } from './key-values.ts';

/** sshd runs now and starts by itself after a reboot. */
export const sshdCheck: CheckDefinition = {
  id: 'sshd',
  title: 'sshd is running and starts automatically',
  script: {
    windows: () => "$s = Get-Service -Name sshd\n'status=' + $s.Status\n'startType=' + $s.StartType",
    // The stand-in has no service manager: its init starts dropbear on every boot, which
    // `ready` after a reboot already proves; here the daemon must be alive and listening on :22.
    standin: () =>
      'pid=$(cat /run/dropbear.pid 2>/dev/null); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo status=Running || echo status=Stopped; ' +
      "if grep -q '^ *[0-9]*: 00000000:0016 00000000:0000 0A' /proc/net/tcp; then echo listening=22; fi",
  },
  evaluate(output, { scenario }) {
    const values = parseKeyValues(output);
    const status = firstValue(values, 'status');
    if (scenario.guest === 'standin') {
      const listening = firstValue(values, 'listening') === '22';
      return {
        passed: status === 'Running' && listening,
        detail: `dropbear ${status ?? 'unknown'}, ${listening ? 'listening on port 22' : 'NOT listening on port 22'}`,
      };
    }
    const startType = firstValue(values, 'startType');
    return {
      passed: status === 'Running' && startType === 'Automatic',
      detail: `sshd status ${status ?? 'unknown'}, start type ${startType ?? 'unknown'} (want Running, Automatic)`,
    };
  },
};
