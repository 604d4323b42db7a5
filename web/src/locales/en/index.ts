// Every catalog file of one language, merged into one chunk that loads only for it.
const files = import.meta.glob<Record<string, string>>('./*.json', { eager: true, import: 'default' });

const messages: Record<string, string> = Object.assign({}, ...Object.values(files));
export default messages;
