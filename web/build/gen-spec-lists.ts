import { writeSpecLists } from './spec-lists';

writeSpecLists();
