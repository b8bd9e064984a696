import type { TemplateDefinition } from './templateTypes';

export const simpleClientList: TemplateDefinition = {
  name: 'Simple client list',
  description: 'One sheet of clients with status, follow-up dates, tags and notes.',
  sheets: [
    {
      name: 'Clients',
      fields: [
        { key: 'name', name: 'Name', type: 'text', role: 'name' },
        { key: 'company', name: 'Company', type: 'text', role: 'company' },
        { key: 'email', name: 'Email', type: 'email', role: 'email' },
        { key: 'phone', name: 'Phone', type: 'phone', role: 'phone' },
        {
          key: 'status',
          name: 'Status',
          type: 'select',
          role: 'status',
          choices: ['Lead', 'Prospect', 'Customer', 'Inactive', 'Former customer'],
        },
        { key: 'lastContacted', name: 'Last contacted', type: 'date', role: 'lastContacted' },
        { key: 'nextFollowUp', name: 'Next follow-up', type: 'date', role: 'followUpDate' },
        {
          key: 'tags',
          name: 'Tags',
          type: 'multiSelect',
          role: 'tags',
          choices: ['VIP', 'Referral', 'Wholesale', 'Newsletter'],
        },
        { key: 'notes', name: 'Notes', type: 'longText', role: 'notes' },
      ],
    },
  ],
};
