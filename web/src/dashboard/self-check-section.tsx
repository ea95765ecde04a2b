import { createResource, For, Show } from 'solid-js';
import type { BeforeAfter } from '../../../shared/stats/self-check.ts';
import { t } from '../i18n/index.ts';
import { dashboardApi } from './dashboard-api.ts';
import { num, points } from './format.ts';

const cells = (r: BeforeAfter) => (
  <>
    <td class="num">{num(r.repeated)}</td>
    <td class="num">{points(r.firstAverage)}</td>
    <td class="num">{points(r.latestAverage)}</td>
    <td class="num">{num(r.improved)}</td>
  </>
);

function Head(props: { first: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">{props.first}</th>
        <th scope="col" class="num">{t('dashboard.selfCheck.repeated')}</th>
        <th scope="col" class="num">{t('dashboard.selfCheck.first')}</th>
        <th scope="col" class="num">{t('dashboard.selfCheck.latest')}</th>
        <th scope="col" class="num">{t('dashboard.selfCheck.improved')}</th>
      </tr>
    </thead>
  );
}

/** The skills self-check, first against latest attempts: aggregates from GET /stats/self-check, small counts already hidden by the server. */
export function SelfCheckSection() {
  const [data] = createResource(() => dashboardApi.selfCheck());
  return (
    <section aria-labelledby="dash-self-check" data-testid="self-check-section">
      <h2 id="dash-self-check">{t('dashboard.selfCheck.title')}</h2>
      <p class="definition">{t('dashboard.selfCheck.definition')}</p>
      <Show when={!data.error} fallback={<p class="notice">{t('dashboard.selfCheck.failed')}</p>}>
        <Show when={data()}>
          {(d) => (
            <>
              <p>
                {t('dashboard.selfCheck.tookIt')}: <strong data-testid="self-check-took-it">{num(d().tookIt)}</strong>
              </p>
              <div class="table-scroll">
                <table data-testid="self-check-groups">
                  <Head first={t('dashboard.selfCheck.group')} />
                  <tbody>
                    <For each={d().groups}>
                      {(g) => (
                        <tr data-testid={`self-check-row-${g.groupId}`}>
                          <th scope="row">{g.name}</th>
                          {cells(g)}
                        </tr>
                      )}
                    </For>
                    <tr class="total">
                      <th scope="row">{t('dashboard.selfCheck.ward')}</th>
                      {cells(d().ward)}
                    </tr>
                  </tbody>
                </table>
              </div>
              <div class="table-scroll">
                <table data-testid="self-check-skills">
                  <Head first={t('dashboard.selfCheck.skill')} />
                  <tbody>
                    <For each={d().skills}>
                      {(s) => (
                        <tr>
                          <th scope="row">{t(`skills.${s.skill}`)}</th>
                          {cells(s)}
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}
