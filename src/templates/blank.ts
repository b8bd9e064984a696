import type { TemplateDefinition } from './templateTypes';

export const blank: TemplateDefinition = {
  name: 'Blank',
  description: 'An empty sheet with a Name and a Notes column, to shape as you like.',
  sheets: [
    {
      name: 'Sheet 1',
      fields: [
        { key: 'name', name: 'Name', type: 'text', role: 'name' },
        { key: 'notes', name: 'Notes', type: 'longText', role: 'notes' },
      ],
    },
  ],
};
