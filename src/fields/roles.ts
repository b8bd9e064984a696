import type { FieldRole, FieldType } from './types';

// Headers are compared in a compact form: lower case, letters and digits only,
// with standalone numbers dropped, so 'E-mail 1' and 'email' are the same key.
const HEADERS_BY_ROLE: Record<FieldRole, string[]> = {
  name: ['name', 'fullname', 'contact', 'contactname', 'customername', 'clientname', 'person', 'leadname'],
  company: [
    'company',
    'companyname',
    'organization',
    'organisation',
    'org',
    'account',
    'accountname',
    'business',
    'employer',
  ],
  email: ['email', 'emailaddress', 'mail', 'workemail', 'personalemail'],
  phone: ['phone', 'phonenumber', 'telephone', 'tel', 'mobile', 'mobilephone', 'cell', 'cellphone', 'workphone'],
  stage: ['stage', 'dealstage', 'pipelinestage', 'salesstage'],
  dealValue: ['value', 'dealvalue', 'amount', 'dealamount', 'dealsize'],
  probability: ['probability', 'winprobability', 'likelihood', 'closeprobability'],
  followUpDate: [
    'nextfollowup',
    'followup',
    'followupdate',
    'nextfollowupdate',
    'nextcontact',
    'nextcontactdate',
    'nextstepdate',
  ],
  lastContacted: ['lastcontacted', 'lastcontact', 'lastcontactdate', 'lastcontacteddate', 'lasttouch'],
  customerSince: ['customersince', 'subscriptiondate', 'clientsince', 'membersince', 'signupdate', 'signedup'],
  status: ['status', 'customerstatus', 'leadstatus', 'contactstatus'],
  churnReason: ['churnreason', 'reasonforchurn', 'lostreason', 'lossreason', 'reasonlost', 'cancellationreason'],
  tags: ['tags', 'tag', 'labels', 'label'],
  notes: ['notes', 'note', 'comments', 'comment'],
  contact: ['primarycontact', 'customer', 'client', 'contactperson'],
  priority: ['priority', 'dealpriority', 'leadpriority', 'taskpriority'],
};

const TYPES_BY_ROLE: Record<FieldRole, FieldType[]> = {
  name: ['text'],
  company: ['text', 'select', 'link'],
  email: ['email', 'text'],
  phone: ['phone', 'text'],
  stage: ['select', 'text'],
  dealValue: ['currency', 'number'],
  probability: ['percent', 'number'],
  followUpDate: ['date', 'dateTime'],
  lastContacted: ['date', 'dateTime'],
  customerSince: ['date', 'dateTime'],
  status: ['select', 'text'],
  churnReason: ['select', 'text', 'longText'],
  tags: ['multiSelect', 'select', 'text'],
  notes: ['longText', 'text'],
  contact: ['link'],
  priority: ['select', 'text'],
};

// Google Contacts exports headers such as 'E-mail 1 - Value' and 'Phone 1 - Type'.
const TRAILING_QUALIFIERS = ['value', 'address', 'number'];

const roleByHeader = new Map<string, FieldRole>();
for (const [role, headers] of Object.entries(HEADERS_BY_ROLE) as [FieldRole, string[]][]) {
  for (const header of headers) roleByHeader.set(header, role);
}

/**
 * Guesses the CRM role of a column from its header and type, e.g. 'Full name'
 * is name and 'Deal value' is dealValue. A header whose type does not fit the
 * role ('Value' on a text column) gets none. Each header is guessed on its
 * own, so the caller keeps a role only for the first field that gets it.
 */
export function guessRole(headerName: string, type: FieldType): FieldRole | undefined {
  const words = headerName
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !/^\d+$/.test(word));

  let role = roleByHeader.get(words.join(''));
  const last = words[words.length - 1];
  if (role === undefined && words.length > 1 && last !== undefined && TRAILING_QUALIFIERS.includes(last)) {
    role = roleByHeader.get(words.slice(0, -1).join(''));
  }

  return role !== undefined && TYPES_BY_ROLE[role].includes(type) ? role : undefined;
}
