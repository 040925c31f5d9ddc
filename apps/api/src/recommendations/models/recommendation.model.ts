import { Field, Float, ObjectType } from '@nestjs/graphql';
import { CompanyModel } from '../../companies/models/company.model';

@ObjectType('Recommendation')
export class RecommendationModel {
  @Field(() => CompanyModel)
  company: CompanyModel;

  @Field(() => Float, { description: '0–1' })
  score: number;

  @Field(() => [String], { description: 'Why, in words' })
  reasons: string[];
}
