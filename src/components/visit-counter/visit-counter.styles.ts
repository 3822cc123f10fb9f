import { css } from 'lit';
import { skeletonReserve, visitCounterReserve, visitCounterTodayReserve } from '../../styles/reserve.js';

export const styles = [
  css`
  dl {
    display: grid;
    gap: calc(var(--_gap) / 2);
    margin: 0;
  }
  [part~='row'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 0.5em;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    color: var(--_accent);
  }
  .stale dd {
    color: var(--_muted);
  }
  .stale-note {
    margin: 0.5em 0 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
`,
  skeletonReserve(visitCounterReserve),
  skeletonReserve(visitCounterTodayReserve, '([show-today])'),
];
