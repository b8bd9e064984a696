// Email, phone and web address cells as links: mailto: with the customer's
// name, tel: with a copy button, and http(s) pages in a new tab, followed with
// Ctrl+click. Links are not tab stops, so the keyboard stays on the cell and
// Enter, F2 or a double-click still edit it. Text is set with textContent,
// never as HTML.

import type { ICellRendererParams } from 'ag-grid-community';

import type { RowRecord } from '../db';
import { isInvalid } from '../fields/registry';
import type { CellValue, FieldContext, FieldDef, PhoneValue } from '../fields/types';
import { copyText } from '../touchpoints/copyText';
import { mailtoHref, telHref, webHref } from '../touchpoints/links';
import { socialNetworkName } from '../touchpoints/socialNetworks';
import { nameOfRow } from '../vcard/fromRow';
import './contactCells.css';
import { plainTextCell } from './plainTextCell';

export type ContactCellParams = ICellRendererParams<RowRecord, CellValue>;

/** The field types that render as links. */
export type ContactCellType = 'email' | 'phone' | 'url';

function plainText(params: ContactCellParams): HTMLElement {
  return plainTextCell(params.valueFormatted);
}

function follow(anchor: HTMLAnchorElement): void {
  if (anchor.target === '_blank') window.open(anchor.href, '_blank', 'noopener,noreferrer');
  else window.location.assign(anchor.href);
}

/**
 * Follows a link on Ctrl+click (Cmd+click on a Mac), as Excel does by default.
 * A plain click only selects the cell, so a click meant to pick a cell never
 * starts a call or opens a page.
 */
function onLinkClick(event: MouseEvent): void {
  event.preventDefault();
  if (!(event.ctrlKey || event.metaKey) || event.button !== 0) return;
  follow(event.currentTarget as HTMLAnchorElement);
}

/** Moves focus from a clicked link to its grid cell, where the grid's keys work. */
function onLinkFocus(event: FocusEvent): void {
  (event.currentTarget as HTMLElement).closest<HTMLElement>('.ag-cell')?.focus();
}

function link(href: string, text: string, title: string): HTMLAnchorElement {
  const anchor = document.createElement('a');
  anchor.className = 'cell-link';
  anchor.href = href;
  anchor.textContent = text;
  anchor.title = `${title} (Ctrl+click)`;
  anchor.tabIndex = -1;
  anchor.addEventListener('click', onLinkClick);
  anchor.addEventListener('focus', onLinkFocus);
  return anchor;
}

function renderEmail(params: ContactCellParams, customerName: string): HTMLElement | string {
  const value = params.value;
  if (typeof value !== 'string' || value.trim() === '') return plainText(params);
  return link(mailtoHref(value, customerName), value, customerName ? `Email ${customerName}` : `Email ${value}`);
}

function renderPhone(params: ContactCellParams): HTMLElement | string {
  const value = params.value;
  if (typeof value !== 'object' || value === null || isInvalid(value) || !('text' in value)) return plainText(params);

  const phone = value as PhoneValue;
  const href = telHref(phone.text, phone.e164);
  if (!href) return plainText(params);

  const container = document.createElement('span');
  container.className = 'phone-cell';
  container.append(link(href, phone.text, `Call ${phone.e164 ?? phone.text}`));

  const copy = document.createElement('button');
  copy.type = 'button';
  copy.className = 'cell-copy';
  // The button has no text of its own (its glyph is CSS), so the cell's text is the number alone.
  copy.title = `Copy ${phone.text}`;
  copy.setAttribute('aria-label', `Copy ${phone.text}`);
  copy.tabIndex = -1;
  copy.addEventListener('click', (event) => {
    event.stopPropagation();
    void copyText(phone.text, phone.text);
  });
  // A double-click on the button copies twice instead of opening the editor.
  copy.addEventListener('dblclick', (event) => event.stopPropagation());
  container.append(copy);
  return container;
}

function renderUrl(params: ContactCellParams): HTMLElement | string {
  const value = params.value;
  const href = typeof value === 'string' ? webHref(value) : null;
  if (!href || typeof value !== 'string') return plainText(params);

  // The cell keeps showing the address itself, so copying or reading the cell gives the address.
  // A known network's name is a badge that CSS draws from data-network.
  const network = socialNetworkName(href);
  const anchor = link(href, value, network ? `${network}: ${value}` : value);
  if (network) anchor.dataset.network = network;
  anchor.target = '_blank';
  anchor.rel = 'noopener noreferrer';
  return anchor;
}

/** Renders an email, phone or URL cell; an email links to the row's name and address. */
export function renderContactCell(
  type: ContactCellType,
  params: ContactCellParams,
  fields: readonly FieldDef[],
  ctx: FieldContext,
): HTMLElement | string {
  if (type === 'email') return renderEmail(params, params.data ? nameOfRow(fields, params.data, ctx).fullName : '');
  if (type === 'phone') return renderPhone(params);
  return renderUrl(params);
}
