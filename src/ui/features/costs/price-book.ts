import kmsPrices from '../../../../content/pricing/kms.json';
import lambdaPrices from '../../../../content/pricing/lambda.json';
import secretsManagerPrices from '../../../../content/pricing/secretsmanager.json';
import parameterStorePrices from '../../../../content/pricing/ssm-parameter-store.json';
import { pricing } from '../../../engine/index.ts';

/**
 * The price tables, bundled into the cost view's lazy chunk (the app works offline) and validated once, on first use,
 * by the engine's schema.
 */
let book: pricing.PriceBook | undefined;

export function priceBook(): pricing.PriceBook {
  return (book ??= pricing.parsePriceBook([secretsManagerPrices, kmsPrices, lambdaPrices, parameterStorePrices]));
}
