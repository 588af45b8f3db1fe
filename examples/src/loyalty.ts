import { Injectable } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom, retry } from 'rxjs';

// Loyalty points through the partner's API, with NestJS's HttpService. Its calls return cold Observables:
// RxJS `retry` subscribes again, and each subscription sends the request again.
@Injectable()
export class LoyaltyClient {
  constructor(private readonly http: HttpService) {}

  // An award whose response is lost is sent again with nothing to recognise it: the points are awarded twice.
  async awardPoints(customerId: string, points: number): Promise<void> {
    await firstValueFrom(
      this.http
        .post('https://loyalty.partner.example.com/v1/awards', { customerId, points }, { timeout: 5000 })
        .pipe(retry({ count: 2, delay: 1000 })),
    );
  }

  // While the partner is struggling, each lookup sends it three more requests back to back.
  async balance(customerId: string): Promise<number> {
    const request = this.http.get<{ points: number }>(`https://loyalty.partner.example.com/v1/balances/${customerId}`, { timeout: 5000 });
    const { data } = await firstValueFrom(request.pipe(retry(3)));
    return data.points;
  }
}
