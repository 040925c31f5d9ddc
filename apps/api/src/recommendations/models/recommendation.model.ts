import { Field, Float, ObjectType } from '@nestjs/graphql';
import { REASON_KINDS, type Reason, type ReasonKind } from '@forum/matcher';
import { graphqlEnum } from '../../common/graphql-enum';
import { CompanyModel } from '../../companies/models/company.model';

export const RecommendationReasonKindModel = graphqlEnum(REASON_KINDS, 'RecommendationReasonKind', 'Why a partner fits: what it offers or seeks against yours, a sector, a language, or an interpreter to plan for');
export type RecommendationReasonKindModel = ReasonKind;

@ObjectType('RecommendationReason', { description: 'One reason as data, for clients that word it in the reader language' })
export class RecommendationReasonModel {
  @Field(() => RecommendationReasonKindModel)
  kind: ReasonKind;

  @Field(() => String, { nullable: true, description: "The partner's phrase: its offer, its need or its sector" })
  theirs?: string | null;

  @Field(() => String, { nullable: true, description: 'Your phrase it answers (your need or your offer)' })
  yours?: string | null;

  @Field(() => [String], { nullable: true, description: 'Languages you both speak (ISO 639-1 codes)' })
  languages?: string[] | null;

  static from(reason: Reason): RecommendationReasonModel {
    return { kind: reason.kind, theirs: reason.theirs ?? null, yours: reason.yours ?? null, languages: reason.languages ?? null };
  }
}

@ObjectType('Recommendation')
export class RecommendationModel {
  @Field(() => CompanyModel)
  company: CompanyModel;

  @Field(() => Float, { description: '0–1' })
  score: number;

  @Field(() => [String], { description: 'Why, in English sentences' })
  reasons: string[];

  @Field(() => [RecommendationReasonModel], { description: 'Why, as data (strongest first)' })
  why: RecommendationReasonModel[];
}
