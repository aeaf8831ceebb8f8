import type { RegionCode } from './gcm';

/**
 * The countries (ISO 3166-1 alpha-2) whose voices a regional review hopes to hear: the regional
 * members of each commission (ESCAP and ECLAC without their members from outside the region,
 * associate members left out), and for the Arab region the 22 States of the League of Arab
 * States that its review covers. The analysis paper lists those not heard from.
 */
export const REGION_COUNTRIES: Record<RegionCode, readonly string[]> = {
  ECA: [
    'DZ', 'AO', 'BJ', 'BW', 'BF', 'BI', 'CV', 'CM', 'CF', 'TD', 'KM', 'CG', 'CD', 'CI', 'DJ', 'EG', 'GQ', 'ER', 'SZ', 'ET', 'GA', 'GM', 'GH', 'GN', 'GW', 'KE', 'LS',
    'LR', 'LY', 'MG', 'MW', 'ML', 'MR', 'MU', 'MA', 'MZ', 'NA', 'NE', 'NG', 'RW', 'ST', 'SN', 'SC', 'SL', 'SO', 'ZA', 'SS', 'SD', 'TZ', 'TG', 'TN', 'UG', 'ZM', 'ZW',
  ],
  ECLAC: [
    'AG', 'AR', 'BS', 'BB', 'BZ', 'BO', 'BR', 'CL', 'CO', 'CR', 'CU', 'DM', 'DO', 'EC', 'SV', 'GD', 'GT', 'GY', 'HT', 'HN', 'JM', 'MX', 'NI', 'PA', 'PY', 'PE', 'KN',
    'LC', 'VC', 'SR', 'TT', 'UY', 'VE',
  ],
  ESCAP: [
    'AF', 'AM', 'AU', 'AZ', 'BD', 'BT', 'BN', 'KH', 'CN', 'KP', 'FJ', 'GE', 'IN', 'ID', 'IR', 'JP', 'KZ', 'KI', 'KG', 'LA', 'MY', 'MV', 'MH', 'FM', 'MN', 'MM', 'NR',
    'NP', 'NZ', 'PK', 'PW', 'PG', 'PH', 'KR', 'RU', 'WS', 'SG', 'SB', 'LK', 'TJ', 'TH', 'TL', 'TO', 'TR', 'TM', 'TV', 'UZ', 'VU', 'VN',
  ],
  ESCWA: ['DZ', 'BH', 'KM', 'DJ', 'EG', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MR', 'MA', 'OM', 'PS', 'QA', 'SA', 'SO', 'SD', 'SY', 'TN', 'AE', 'YE'],
  UNECE: [
    'AL', 'AD', 'AM', 'AT', 'AZ', 'BY', 'BE', 'BA', 'BG', 'CA', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'GE', 'DE', 'GR', 'HU', 'IS', 'IE', 'IL', 'IT', 'KZ', 'KG', 'LV',
    'LI', 'LT', 'LU', 'MT', 'MC', 'ME', 'NL', 'MK', 'NO', 'PL', 'PT', 'MD', 'RO', 'RU', 'SM', 'RS', 'SK', 'SI', 'ES', 'SE', 'CH', 'TJ', 'TR', 'TM', 'UA', 'GB', 'US', 'UZ',
  ],
};
