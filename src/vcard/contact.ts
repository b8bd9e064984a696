// The contact card that vCard import and export share. Import turns each card
// into one of these and then into a table of columns; export builds one from a
// row. Keeping one neutral shape means both directions agree on what a vCard
// field means.

/** A value with the vCard TYPE parameters it carried, lower case ('work', 'cell', 'pref'...). */
export interface TypedValue {
  value: string;
  types: string[];
}

export interface PostalAddress {
  street: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  types: string[];
}

export interface VCardContact {
  /** FN, or built from N when a card has no FN. */
  fullName: string;
  givenName: string;
  familyName: string;
  /** First component of ORG. */
  organization: string;
  /** TITLE: the job title. */
  title: string;
  emails: TypedValue[];
  phones: TypedValue[];
  addresses: PostalAddress[];
  urls: TypedValue[];
  /** BDAY as 'YYYY-MM-DD', or '--MM-DD' when the card gives no year; empty when absent. */
  birthday: string;
  note: string;
  /** CATEGORIES, one entry each. */
  categories: string[];
}

/** A card that could not be read, by its 1-based position in the file and the line it starts on. */
export interface VCardProblem {
  card: number;
  line: number;
  message: string;
}

export interface VCardParseResult {
  contacts: VCardContact[];
  problems: VCardProblem[];
}

export function emptyContact(): VCardContact {
  return {
    fullName: '',
    givenName: '',
    familyName: '',
    organization: '',
    title: '',
    emails: [],
    phones: [],
    addresses: [],
    urls: [],
    birthday: '',
    note: '',
    categories: [],
  };
}
