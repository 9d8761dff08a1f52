import type { Decider } from '../shared/decider';
import { validateRentRateTable, type RentRateTable } from '../subsidy/rent-rates';
import {
  amendmentBasisOf,
  sameContent,
  tableDecider,
  nothingChanged,
  type AmendmentCommand,
  type TableState,
} from './amendment-command';
import type { RentRatesAmended } from './events';

/** The whole rent-rate table as amended (rates in MCI, 15–30); its version is the stream's. */
export interface SetRentRates extends AmendmentCommand {
  readonly type: 'SetRentRates';
  readonly provisional: boolean;
  readonly rates: RentRateTable['rates'];
}

export type RentRatesState = TableState<RentRatesAmended['data']>;

export const rentRatesDecider: Decider<SetRentRates, RentRatesAmended, RentRatesState> = tableDecider(
  (command, state) => {
    const basis = amendmentBasisOf(command);
    const version = String(state.amendments + 1);
    const rates: RentRateTable = { version, provisional: command.provisional === true, rates: command.rates ?? {} };
    validateRentRateTable(rates);
    const before = state.latest?.rates;
    if (before && before.provisional === rates.provisional && sameContent(before.rates, rates.rates))
      throw nothingChanged('the rent rates');
    return [{ type: 'RentRatesAmended', data: { ...basis, version, rates } }];
  },
);
