import { OutboxTableRepository } from '../../src/storage/tables/outbox-table-repository';
import { describeOutboxRepositoryContract } from '../support/outbox-repository-contract';
import { freshTableStorage } from '../support/test-storage';

describeOutboxRepositoryContract('OutboxTableRepository on Azurite', async () => new OutboxTableRepository((await freshTableStorage()).client('outbox')));
