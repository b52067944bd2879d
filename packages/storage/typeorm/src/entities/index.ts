import { AdapterDataEntity } from './adapter-data';
import { DeclarationEntity } from './declaration';
import { DeclarationChangeEntity } from './declaration-change';
import { HolidayEntity } from './holiday';
import { InboundEventEntity } from './inbound-event';
import { JobEntity } from './job';
import { MemberEntity } from './member';
import { RoomEntity } from './room';

export { AdapterDataEntity, DeclarationEntity, DeclarationChangeEntity, HolidayEntity, InboundEventEntity, JobEntity, MemberEntity, RoomEntity };

export const ENTITIES = [
  MemberEntity,
  RoomEntity,
  DeclarationEntity,
  DeclarationChangeEntity,
  HolidayEntity,
  JobEntity,
  InboundEventEntity,
  AdapterDataEntity,
];
