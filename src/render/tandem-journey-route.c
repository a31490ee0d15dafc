/* tandem-journey-route.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-journey-route"

#include "config.h"

#include <math.h>
#include <string.h>

#include "tandem-journey-route.h"

/*
 * Orthogonal connector routing that goes around cards rather than through them.
 *
 * The candidate lines are those a person drawing by hand would use: a clearance away from
 * each card's sides, and through the middle of each card (where the ports are). The
 * clearances are half the gaps between cards (across and down), so the lines of two
 * neighbouring cards meet in the middle of the gap, and routes run down the middle of the
 * gutters between cards and lanes. The crossings
 * of these lines that are not inside a card form a sparse grid; a shortest path search over
 * it, with a cost for every bend, finds a route with few turns. The search leaves from the
 * middle of any side of the first card and arrives at the middle of any side of the second.
 *
 * The caller passes only the cards near the two ends (the region), so the cost follows the
 * neighbourhood, not the map.
 */

#define BEND_COST 30.0

enum {
  DIR_EAST,
  DIR_WEST,
  DIR_SOUTH,
  DIR_NORTH,
  N_DIRS
};

static const int dir_dx[N_DIRS] = { 1, -1, 0, 0 };
static const int dir_dy[N_DIRS] = { 0, 0, 1, -1 };

typedef struct
{
  double cost;
  guint  state;
} HeapItem;

typedef struct
{
  GArray *items;
} Heap;

/* Auxiliary methods */

static void
heap_push (Heap   *heap,
           double  cost,
           guint   state)
{
  HeapItem item = { cost, state };
  guint i;

  g_array_append_val (heap->items, item);
  i = heap->items->len - 1;

  while (i > 0)
    {
      guint parent = (i - 1) / 2;
      HeapItem *a = &g_array_index (heap->items, HeapItem, parent);
      HeapItem *b = &g_array_index (heap->items, HeapItem, i);

      if (a->cost <= b->cost)
        break;

      item = *a;
      *a = *b;
      *b = item;
      i = parent;
    }
}

static gboolean
heap_pop (Heap     *heap,
          HeapItem *out)
{
  guint n = heap->items->len;
  guint i = 0;

  if (n == 0)
    return FALSE;

  *out = g_array_index (heap->items, HeapItem, 0);
  g_array_index (heap->items, HeapItem, 0) = g_array_index (heap->items, HeapItem, n - 1);
  g_array_set_size (heap->items, n - 1);
  n--;

  for (;;)
    {
      guint l = 2 * i + 1, r = l + 1, m = i;
      HeapItem tmp;

      if (l < n && g_array_index (heap->items, HeapItem, l).cost <
                   g_array_index (heap->items, HeapItem, m).cost)
        m = l;
      if (r < n && g_array_index (heap->items, HeapItem, r).cost <
                   g_array_index (heap->items, HeapItem, m).cost)
        m = r;
      if (m == i)
        break;

      tmp = g_array_index (heap->items, HeapItem, i);
      g_array_index (heap->items, HeapItem, i) = g_array_index (heap->items, HeapItem, m);
      g_array_index (heap->items, HeapItem, m) = tmp;
      i = m;
    }

  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return x < y ? -1 : (x > y ? 1 : 0);
}

/* Sorts and removes values closer than half a unit to the one before. */
static void
sort_unique (GArray *values,
             double  low,
             double  high)
{
  guint n = 0;

  g_array_sort (values, compare_doubles);

  for (guint i = 0; i < values->len; i++)
    {
      double v = g_array_index (values, double, i);

      if (v < low || v > high)
        continue;
      if (n > 0 && v - g_array_index (values, double, n - 1) < 0.5)
        continue;
      g_array_index (values, double, n++) = v;
    }

  g_array_set_size (values, n);
}

static guint
find_index (GArray *values,
            double  v)
{
  guint lo = 0, hi = values->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (values, double, mid) < v - 0.25)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* The port on side @dir of @r: the middle of the side, moved along it by @offset. */
static void
side_point (const cairo_rectangle_t *r,
            int                      dir,
            double                   offset,
            double                   distance_x,
            double                   distance_y,
            TandemPoint             *p)
{
  double cx = r->x + r->width / 2 + offset;
  double cy = r->y + r->height / 2 + offset;

  switch (dir)
    {
    case DIR_EAST:
      p->x = r->x + r->width + distance_x;
      p->y = cy;
      break;
    case DIR_WEST:
      p->x = r->x - distance_x;
      p->y = cy;
      break;
    case DIR_SOUTH:
      p->x = cx;
      p->y = r->y + r->height + distance_y;
      break;
    case DIR_NORTH:
    default:
      p->x = cx;
      p->y = r->y - distance_y;
      break;
    }
}

static void
append_point (GArray *points,
              double  x,
              double  y)
{
  TandemPoint p = { x, y };

  /* Drop repeated points and merge straight runs into one segment. */
  if (points->len >= 1)
    {
      TandemPoint *last = &g_array_index (points, TandemPoint, points->len - 1);

      if (fabs (last->x - x) < 0.01 && fabs (last->y - y) < 0.01)
        return;

      if (points->len >= 2)
        {
          TandemPoint *before = &g_array_index (points, TandemPoint, points->len - 2);

          if ((fabs (before->x - last->x) < 0.01 && fabs (last->x - x) < 0.01) ||
              (fabs (before->y - last->y) < 0.01 && fabs (last->y - y) < 0.01))
            {
              *last = p;
              return;
            }
        }
    }

  g_array_append_val (points, p);
}

/* Public API */

/**
 * tandem_route_direct:
 *
 * A route with at most two bends that ignores other cards; the fallback when a region is too
 * crowded to search.
 */
void
tandem_route_direct (const cairo_rectangle_t *from,
                     const cairo_rectangle_t *to,
                     GArray                  *points)
{
  double fcx = from->x + from->width / 2, fcy = from->y + from->height / 2;
  double tcx = to->x + to->width / 2, tcy = to->y + to->height / 2;

  g_array_set_size (points, 0);

  if (to->x >= from->x + from->width)
    {
      double mid = (from->x + from->width + to->x) / 2;

      append_point (points, from->x + from->width, fcy);
      append_point (points, mid, fcy);
      append_point (points, mid, tcy);
      append_point (points, to->x, tcy);
    }
  else if (to->x + to->width <= from->x)
    {
      double mid = (to->x + to->width + from->x) / 2;

      append_point (points, from->x, fcy);
      append_point (points, mid, fcy);
      append_point (points, mid, tcy);
      append_point (points, to->x + to->width, tcy);
    }
  else if (tcy >= fcy)
    {
      double mid = (from->y + from->height + to->y) / 2;

      append_point (points, fcx, from->y + from->height);
      append_point (points, fcx, mid);
      append_point (points, tcx, mid);
      append_point (points, tcx, to->y);
    }
  else
    {
      double mid = (to->y + to->height + from->y) / 2;

      append_point (points, fcx, from->y);
      append_point (points, fcx, mid);
      append_point (points, tcx, mid);
      append_point (points, tcx, to->y + to->height);
    }
}

/**
 * tandem_route_orthogonal:
 * @obstacles: (array length=n_obstacles): cards to go around, not including @from and @to
 * @region: the area the route may use
 * @clearance_x: how far from the left and right of a card the route keeps
 * @clearance_y: how far from the top and bottom of a card the route keeps
 * @points: (element-type TandemPoint): receives the route, from the side of @from to the
 *   side of @to, with horizontal and vertical segments only
 *
 * Returns: %TRUE when a route around every obstacle was found; otherwise @points holds
 *   tandem_route_direct()
 */
gboolean
tandem_route_orthogonal (const cairo_rectangle_t *from,
                         const cairo_rectangle_t *to,
                         const cairo_rectangle_t *obstacles,
                         guint                    n_obstacles,
                         const cairo_rectangle_t *region,
                         double                   clearance_x,
                         double                   clearance_y,
                         GArray                  *points)
{
  return tandem_route_orthogonal_ports (from, 0, to, 0, obstacles, n_obstacles, region,
                                        clearance_x, clearance_y, points);
}

/**
 * tandem_route_orthogonal_ports:
 * @from_offset: how far along its side from the middle the route leaves @from
 * @to_offset: how far along its side from the middle the route arrives at @to
 *
 * As tandem_route_orthogonal(), with the ports moved along the sides: two connectors into
 * one card arrive side by side, not on one line.
 */
gboolean
tandem_route_orthogonal_ports (const cairo_rectangle_t *from,
                               double                   from_offset,
                               const cairo_rectangle_t *to,
                               double                   to_offset,
                               const cairo_rectangle_t *obstacles,
                               guint                    n_obstacles,
                               const cairo_rectangle_t *region,
                               double                   clearance_x,
                               double                   clearance_y,
                               GArray                  *points)
{
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ys = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  g_autofree guint8 *blocked_node = NULL;
  g_autofree guint8 *blocked_h = NULL;   /* edge from (i, j) to (i + 1, j) */
  g_autofree guint8 *blocked_v = NULL;   /* edge from (i, j) to (i, j + 1) */
  g_autofree double *cost = NULL;
  g_autofree guint *previous = NULL;
  Heap heap = { g_array_new (FALSE, FALSE, sizeof (HeapItem)) };
  double inflate_x = clearance_x - 0.5;
  double inflate_y = clearance_y - 0.5;
  double best_cost = G_MAXDOUBLE;
  guint best_state = G_MAXUINT;
  int best_side = -1;
  guint nx, ny, n_states;

  g_array_append_vals (all, from, 1);
  g_array_append_vals (all, to, 1);
  g_array_append_vals (all, obstacles, n_obstacles);

  for (guint k = 0; k < all->len; k++)
    {
      const cairo_rectangle_t *o = &g_array_index (all, cairo_rectangle_t, k);
      double v;

      v = o->x - clearance_x; g_array_append_val (xs, v);
      v = o->x + o->width + clearance_x; g_array_append_val (xs, v);
      v = o->y - clearance_y; g_array_append_val (ys, v);
      v = o->y + o->height + clearance_y; g_array_append_val (ys, v);
      if (k < 2)
        {
          double offset = k == 0 ? from_offset : to_offset;

          v = o->x + o->width / 2 + offset; g_array_append_val (xs, v);
          v = o->y + o->height / 2 + offset; g_array_append_val (ys, v);
        }
    }

  sort_unique (xs, region->x, region->x + region->width);
  sort_unique (ys, region->y, region->y + region->height);
  nx = xs->len;
  ny = ys->len;

  if (nx == 0 || ny == 0)
    goto fallback;

  blocked_node = g_new0 (guint8, nx * ny);
  blocked_h = g_new0 (guint8, nx * ny);
  blocked_v = g_new0 (guint8, nx * ny);

  for (guint k = 0; k < all->len; k++)
    {
      cairo_rectangle_t o = g_array_index (all, cairo_rectangle_t, k);
      guint i0, j0;

      o.x -= inflate_x;
      o.y -= inflate_y;
      o.width += 2 * inflate_x;
      o.height += 2 * inflate_y;

      i0 = find_index (xs, o.x);
      i0 = i0 > 0 ? i0 - 1 : 0;
      j0 = find_index (ys, o.y);
      j0 = j0 > 0 ? j0 - 1 : 0;

      /* Rows through the card: nodes inside it, and segments that enter it. */
      for (guint j = j0; j < ny && g_array_index (ys, double, j) < o.y + o.height; j++)
        {
          if (g_array_index (ys, double, j) <= o.y)
            continue;

          for (guint i = i0; i < nx && g_array_index (xs, double, i) < o.x + o.width; i++)
            {
              if (g_array_index (xs, double, i) > o.x)
                blocked_node[j * nx + i] = 1;
              if (i + 1 < nx && g_array_index (xs, double, i + 1) > o.x)
                blocked_h[j * nx + i] = 1;
            }
        }

      /* Columns through the card. */
      for (guint i = i0; i < nx && g_array_index (xs, double, i) < o.x + o.width; i++)
        {
          if (g_array_index (xs, double, i) <= o.x)
            continue;

          for (guint j = j0; j < ny && g_array_index (ys, double, j) < o.y + o.height; j++)
            {
              if (j + 1 < ny && g_array_index (ys, double, j + 1) > o.y)
                blocked_v[j * nx + i] = 1;
            }
        }
    }

  n_states = nx * ny * N_DIRS;
  cost = g_new (double, n_states);
  previous = g_new (guint, n_states);
  for (guint s = 0; s < n_states; s++)
    {
      cost[s] = G_MAXDOUBLE;
      previous[s] = G_MAXUINT;
    }

  /* Leave from the middle of any side of @from. */
  for (int dir = 0; dir < N_DIRS; dir++)
    {
      TandemPoint port;
      guint i, j, state;

      side_point (from, dir, from_offset, clearance_x, clearance_y, &port);
      i = find_index (xs, port.x);
      j = find_index (ys, port.y);
      if (i >= nx || j >= ny || fabs (g_array_index (xs, double, i) - port.x) > 0.5 ||
          fabs (g_array_index (ys, double, j) - port.y) > 0.5 || blocked_node[j * nx + i])
        continue;

      state = (j * nx + i) * N_DIRS + dir;
      cost[state] = dir < DIR_SOUTH ? clearance_x : clearance_y;
      heap_push (&heap, cost[state], state);
    }

  for (HeapItem item; heap_pop (&heap, &item);)
    {
      guint node = item.state / N_DIRS;
      int dir = item.state % N_DIRS;
      guint i = node % nx, j = node / nx;

      if (item.cost > cost[item.state] || item.cost >= best_cost)
        continue;

      /* Arriving at a port of @to: the last step goes into the card. */
      for (int side = 0; side < N_DIRS; side++)
        {
          TandemPoint port;
          int inward = side ^ 1;
          double total;

          side_point (to, side, to_offset, clearance_x, clearance_y, &port);
          if (fabs (g_array_index (xs, double, i) - port.x) > 0.5 ||
              fabs (g_array_index (ys, double, j) - port.y) > 0.5 || dir == side)
            continue;

          total = item.cost + (side < DIR_SOUTH ? clearance_x : clearance_y) +
                  (dir != inward ? BEND_COST : 0);
          if (total < best_cost)
            {
              best_cost = total;
              best_state = item.state;
              best_side = side;
            }
        }

      for (int next = 0; next < N_DIRS; next++)
        {
          int ni = (int)i + dir_dx[next], nj = (int)j + dir_dy[next];
          guint next_node, next_state;
          double step;

          if (next == (dir ^ 1) || ni < 0 || nj < 0 || ni >= (int)nx || nj >= (int)ny)
            continue;

          next_node = nj * nx + ni;
          if (blocked_node[next_node])
            continue;
          if (next == DIR_EAST && blocked_h[j * nx + i])
            continue;
          if (next == DIR_WEST && blocked_h[j * nx + ni])
            continue;
          if (next == DIR_SOUTH && blocked_v[j * nx + i])
            continue;
          if (next == DIR_NORTH && blocked_v[nj * nx + i])
            continue;

          step = fabs (g_array_index (xs, double, ni) - g_array_index (xs, double, i)) +
                 fabs (g_array_index (ys, double, nj) - g_array_index (ys, double, j)) +
                 (next != dir ? BEND_COST : 0);
          next_state = next_node * N_DIRS + next;

          if (item.cost + step < cost[next_state])
            {
              cost[next_state] = item.cost + step;
              previous[next_state] = item.state;
              heap_push (&heap, cost[next_state], next_state);
            }
        }
    }

  g_array_unref (heap.items);

  if (best_state == G_MAXUINT)
    goto fallback;

  {
    g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint));
    TandemPoint start, end;
    guint first;

    for (guint s = best_state; s != G_MAXUINT; s = previous[s])
      g_array_append_val (path, s);

    first = g_array_index (path, guint, path->len - 1);
    side_point (from, first % N_DIRS, from_offset, 0, 0, &start);
    side_point (to, best_side, to_offset, 0, 0, &end);

    g_array_set_size (points, 0);
    append_point (points, start.x, start.y);
    for (guint k = path->len; k > 0; k--)
      {
        guint node = g_array_index (path, guint, k - 1) / N_DIRS;

        append_point (points, g_array_index (xs, double, node % nx),
                      g_array_index (ys, double, node / nx));
      }
    append_point (points, end.x, end.y);
  }

  return TRUE;

fallback:
  tandem_route_direct (from, to, points);
  return FALSE;
}

/**
 * tandem_route_crosses:
 *
 * Returns: %TRUE when a segment of the route passes through the inside of @rect
 */
gboolean
tandem_route_crosses (const TandemPoint       *points,
                      guint                    n_points,
                      const cairo_rectangle_t *rect)
{
  for (guint k = 0; k + 1 < n_points; k++)
    {
      double x1 = MIN (points[k].x, points[k + 1].x), x2 = MAX (points[k].x, points[k + 1].x);
      double y1 = MIN (points[k].y, points[k + 1].y), y2 = MAX (points[k].y, points[k + 1].y);

      if (x1 < rect->x + rect->width && x2 > rect->x &&
          y1 < rect->y + rect->height && y2 > rect->y)
        return TRUE;
    }

  return FALSE;
}

/**
 * tandem_route_distance:
 *
 * Returns: the distance from (@x, @y) to the nearest point of the route
 */
double
tandem_route_distance (const TandemPoint *points,
                       guint              n_points,
                       double             x,
                       double             y)
{
  double best = G_MAXDOUBLE;

  for (guint k = 0; k + 1 < n_points; k++)
    {
      double ax = points[k].x, ay = points[k].y;
      double bx = points[k + 1].x, by = points[k + 1].y;
      double dx = bx - ax, dy = by - ay;
      double length2 = dx * dx + dy * dy;
      double t = length2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / length2 : 0;
      double px, py;

      t = CLAMP (t, 0.0, 1.0);
      px = ax + t * dx;
      py = ay + t * dy;
      best = MIN (best, hypot (x - px, y - py));
    }

  return best;
}
