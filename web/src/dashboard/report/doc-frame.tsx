import { For, Show } from 'solid-js';
import { t } from '../../i18n/index.ts';

// The frame of a Decree 30/2020 document on the page: the head (issuing
// body with its number on the left; national title, motto, place and date on
// the right) and the foot (Nơi nhận beside the signature block). The ward
// report and the report on a plan both print inside it.

export function DocHead(props: { superior?: string; issuer: string[]; number: string; placeDate: string }) {
  return (
    <table class="doc-head" role="presentation">
      <tbody>
        <tr>
          <td class="issuer">
            <Show when={props.superior}>
              <p>{props.superior}</p>
            </Show>
            <For each={props.issuer}>{(line) => <p class="strong">{line}</p>}</For>
            <hr class="doc-rule short" />
          </td>
          <td class="nation">
            <p class="strong nowrap" data-testid="report-nation">{t('dashboard.report.nation')}</p>
            <p class="strong nowrap motto">{t('dashboard.report.motto')}</p>
            <hr class="doc-rule motto-rule" />
          </td>
        </tr>
        <tr>
          <td class="issuer">
            <p>{props.number}</p>
          </td>
          <td class="nation">
            <p class="italic">{props.placeDate}</p>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

export function DocFoot(props: { recipients: string; signer: string[]; signHint?: string }) {
  return (
    <table class="doc-foot" role="presentation" data-testid="report-signature">
      <tbody>
        <tr>
          <td class="recipients">
            <p class="strong italic">{t('dashboard.report.recipients')}</p>
            <p class="pre">{props.recipients}</p>
          </td>
          <td class="signature">
            <For each={props.signer}>{(line) => <p class="strong">{line}</p>}</For>
            <Show when={props.signHint}>
              <p class="italic">{props.signHint}</p>
            </Show>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
